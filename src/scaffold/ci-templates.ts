/**
 * CI for a plan repository, on GitHub and on GitLab: check every pull (merge) request, with the
 * problems shown on their lines and the diff in money and meaning posted to it, and build the
 * documents on main. Both install plan from the repository's own copy in `.plan/` (see
 * copy.ts): nothing that is not in the repository or published on npm. test/workflows.test.ts
 * runs these steps as written.
 */

/** The install step both use: the copy's exact dependency tree, from npm's cache where it has them. */
const INSTALL = "npm ci --prefix .plan --prefer-offline --no-audit --no-fund";

export function githubWorkflow(): string {
  return `# Skapad av \`plan init\`. Kontrollerar varje pull request och bygger dokumenten på main.
# plan installeras från kopian i .plan/ (förnya den med \`plan init --update\`).
name: plan

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # plan diff needs the base branch's history
          # The job runs the plan of the pull request's own .plan/: it gets no token kept in .git/config.
          persist-credentials: false
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm # npm's cache, kept between runs while the copy's lock is the same
          cache-dependency-path: .plan/package-lock.json
      - name: Install plan from .plan/
        run: |
          ${INSTALL}
          echo "$PWD/.plan/node_modules/.bin" >> "$GITHUB_PATH"
      - uses: actions/cache@v4 # what the last check found: files that have not changed are not read again
        with:
          path: .plan-cache
          key: plan-check-\${{ github.sha }}
          restore-keys: plan-check-
      - name: Check
        run: plan check --format github
      - name: Diff against the base branch
        if: \${{ !cancelled() }}
        run: |
          plan diff "origin/$GITHUB_BASE_REF...HEAD" --format markdown > plan-diff.md
          cat plan-diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment the diff on the pull request
        # Not for pull requests from forks, whose token may not write.
        if: \${{ !cancelled() && hashFiles('plan-diff.md') != '' && github.event.pull_request.head.repo.full_name == github.repository }}
        env:
          GH_TOKEN: \${{ github.token }}
          GH_REPO: \${{ github.repository }}
          PR: \${{ github.event.pull_request.number }}
        run: gh pr comment "$PR" --body-file plan-diff.md --edit-last || gh pr comment "$PR" --body-file plan-diff.md

  build:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the build date comes from the last commit
          persist-credentials: false
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
          cache-dependency-path: .plan/package-lock.json
      - name: Install plan from .plan/
        run: |
          ${INSTALL}
          echo "$PWD/.plan/node_modules/.bin" >> "$GITHUB_PATH"
      - uses: actions/cache@v4 # the last build's output: its PDFs that have not changed are not printed again
        with:
          path: dist
          key: plan-dist-\${{ github.sha }}
          restore-keys: plan-dist-
      - uses: actions/cache@v4 # what the last check found: files that have not changed are not read again
        with:
          path: .plan-cache
          key: plan-check-\${{ github.sha }}
          restore-keys: plan-check-
      - name: Build the documents (the PDFs printed with the Chrome installed on the runner)
        run: plan build --out dist --pdf
      - uses: actions/upload-artifact@v4
        with:
          name: dokument
          path: dist/
`;
}

export function gitlabCi(): string {
  return `# Skapad av \`plan init\`. Kontrollerar varje merge request och bygger dokumenten på main.
# plan installeras från kopian i .plan/ (förnya den med \`plan init --update\`).
# Diffen läggs som kommentar på merge requesten om CI/CD-variabeln PLAN_NOTE_TOKEN finns:
# en åtkomsttoken (project access token) med rollen Reporter och behörigheten api, maskerad.
variables:
  GIT_DEPTH: "0" # plan diff needs the target branch's history

default:
  image: node:22-bookworm
  cache: # npm's cache, kept between runs while the copy's lock is the same
    key:
      files: [.plan/package-lock.json]
    paths: [.npm/]
  before_script:
    - ${INSTALL} --cache "$CI_PROJECT_DIR/.npm"
    - export PATH="$CI_PROJECT_DIR/.plan/node_modules/.bin:$PATH"

check:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  cache:
    - key:
        files: [.plan/package-lock.json]
      paths: [.npm/]
    - key: plan-check # what the last check found: files that have not changed are not read again
      paths: [.plan-cache/]
  script:
    # The problems as a Code Quality report, shown in the merge request; then as text in the log.
    - plan check --format codequality > gl-code-quality-report.json || true
    - plan check && status=0 || status=$?
    # The diff is written even when the check fails; the job ends with the check's exit code.
    - git fetch --quiet origin "+refs/heads/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:refs/remotes/origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - plan diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD" --format markdown > plan-diff.md
    - cat plan-diff.md
    - |
      if [ -n "$PLAN_NOTE_TOKEN" ]; then
        curl --fail --silent --show-error --output /dev/null --request POST \\
          --header "PRIVATE-TOKEN: $PLAN_NOTE_TOKEN" --data-urlencode "body@plan-diff.md" \\
          "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
      fi
    - exit $status
  artifacts:
    when: always
    paths: [plan-diff.md]
    reports:
      codequality: gl-code-quality-report.json

build:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
  cache:
    - key:
        files: [.plan/package-lock.json]
      paths: [.npm/]
    - key: plan-dist # the last build's output: its PDFs that have not changed are not printed again
      paths: [dist/]
    - key: plan-check # what the last check found: files that have not changed are not read again
      paths: [.plan-cache/]
  script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium
    - plan build --out dist --pdf
  artifacts:
    name: dokument
    paths: [dist/]
`;
}
