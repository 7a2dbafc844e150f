/**
 * CI for a plan repository: check every pull request (annotations on the changed lines, the
 * diff as job summary and as a pull-request comment) and build the documents on main.
 */
export function githubWorkflow(pkg: string): string {
  return `# Skapad av \`plan init\`. Kontrollerar varje pull request och bygger dokumenten på main.
name: plan

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

env:
  # Var verktyget installeras ifrån: ett npm-paket med version, eller en git-adress.
  PLAN_PACKAGE: ${JSON.stringify(pkg)}

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
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install plan
        run: npm install --global "$PLAN_PACKAGE"
      - name: Check
        run: plan check --format github
      - name: Diff against the base branch
        if: always()
        run: |
          plan diff "origin/\${{ github.base_ref }}" HEAD --format markdown > plan-diff.md
          cat plan-diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment the diff on the pull request
        if: always() && github.event.pull_request.head.repo.full_name == github.repository
        env:
          GH_TOKEN: \${{ github.token }}
        run: gh pr comment "\${{ github.event.pull_request.number }}" --body-file plan-diff.md --edit-last || gh pr comment "\${{ github.event.pull_request.number }}" --body-file plan-diff.md

  build:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the build date comes from the last commit
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install plan and a browser for the PDFs
        run: |
          npm install --global "$PLAN_PACKAGE"
          sudo apt-get update -qq && sudo apt-get install -y -qq chromium
      - name: Build
        run: plan build --out dist --pdf --browser "$(command -v chromium)"
      - uses: actions/upload-artifact@v4
        with:
          name: dokument
          path: dist/
`;
}

export function gitlabCi(pkg: string): string {
  return `# Skapad av \`plan init\`. Kontrollerar varje merge request och bygger dokumenten på main.
variables:
  # Var verktyget installeras ifrån: ett npm-paket med version, eller en git-adress.
  PLAN_PACKAGE: ${JSON.stringify(pkg)}
  GIT_DEPTH: "0"

default:
  image: node:22-bookworm
  before_script:
    - npm install --global "$PLAN_PACKAGE"

check:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - plan check
    - plan diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" HEAD --format markdown | tee plan-diff.md
  artifacts:
    when: always
    paths: [plan-diff.md]

build:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
  script:
    - apt-get update -qq && apt-get install -y -qq chromium
    - plan build --out dist --pdf --browser "$(command -v chromium)"
  artifacts:
    name: dokument
    paths: [dist/]
`;
}
