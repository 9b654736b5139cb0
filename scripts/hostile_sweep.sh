#!/usr/bin/env bash
# A sweep of hostile site folders against candor's safety promises (issue 12). Not part of
# `cargo test`: it takes a minute or three.
#
#   CANDOR=target/release/candor scripts/hostile_sweep.sh     (default: release, else debug)
#
# Each case plants something hostile in a copy of tests/fixtures/site (links of every kind,
# odd names, odd permissions, FIFOs and devices, output folders around or inside the site,
# concurrent builds, kills at random moments) and checks the promises:
#   - every run ends with exit 0, 1 or 2: never 101 (a panic), never a hang (timeout) or a signal;
#   - nothing outside the site is read: a secret planted outside never shows up in the output,
#     on stdout or on stderr;
#   - a failed build leaves the previous output exactly as it was;
#   - after the next build no `.candor-*` folder or lock is left beside the output.
# It prints "N tried, N held" and exits 1 listing the cases that failed.

set -u
cd "$(dirname "$0")/.."
REPO=$PWD
CANDOR=${CANDOR:-}
if [[ -z $CANDOR ]]; then
    if [[ -x target/release/candor ]]; then CANDOR=target/release/candor; else CANDOR=target/debug/candor; fi
fi
CANDOR=$(realpath "$CANDOR")
[[ -x $CANDOR ]] || { echo "no candor binary at $CANDOR (cargo build first)" >&2; exit 2; }
export CI=1 SOURCE_DATE_EPOCH=1796083200

WORK=$(mktemp -d "${TMPDIR:-/tmp}/candor-sweep.XXXXXX")
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
TOKEN="SWEEP-SECRET-$$-$RANDOM$RANDOM"
export CANDOR_SWEEP_SECRET=$TOKEN # for /proc/self/environ
mkdir -p "$WORK/outside/dir"
echo "$TOKEN" >"$WORK/outside/secret.csv"
echo "$TOKEN" >"$WORK/outside/dir/secret.md"
printf -- '---\nname: %s\n---\n%s\n' "$TOKEN" "$TOKEN" >"$WORK/outside/card.md"
SECRET_FILE=$WORK/outside/secret.csv
SECRET_DIR=$WORK/outside/dir
BASE=$REPO/tests/fixtures/site
DEMO=$WORK/demo # a larger site, for kills mid-build
mkdir -p "$DEMO"
cp -r "$REPO/candor.toml" "$REPO/content" "$REPO/static" "$DEMO/"

TRIED=0
HELD=0
FAILED=()
N=0
is_root=$([[ $(id -u) == 0 ]] && echo 1 || echo 0)

# A good build of the base site, copied in as every case's previous output.
GOOD=$WORK/good-out
timeout 60 "$CANDOR" build --root "$BASE" --output "$GOOD" >/dev/null 2>&1 || { echo "the base site does not build" >&2; exit 2; }
tree_hash() { (cd "$1" 2>/dev/null && find . -printf '%p %s %m\n' | sort && find . -type f -print0 | sort -z | xargs -0 -r sha1sum) | sha1sum; }
GOOD_HASH=$(tree_hash "$GOOD")

fail() { FAILED+=("$CASE: $(tr "\n" " " <<<"$*")"); OK=0; }

# run LOG ARGS...: candor with a time limit; sets CODE.
run() {
    local log=$1
    shift
    timeout -k 5 20 "$CANDOR" "$@" >"$log.out" 2>"$log.err" </dev/null
    CODE=$?
}

code_ok() {
    case $CODE in
    0 | 1 | 2) ;;
    124 | 137) fail "$1: hung (timeout)" ;;
    101) fail "$1: panicked (101): $(grep -m1 panicked "$LOG.err")" ;;
    *) fail "$1: exit $CODE" ;;
    esac
}

no_secret() {
    if grep -rqa -e "$TOKEN" -e 'root:x:0:0' -e 'root:\*:0:0' "$@" 2>/dev/null; then
        fail "secret from outside the site in $(grep -rla -e "$TOKEN" -e 'root:x:0:0' "$@" 2>/dev/null | head -3 | tr '\n' ' ')"
    fi
}

no_strays() {
    local left
    left=$(ls -A "$1" | grep -E 'candor-(new|old|lock|tmp)' | head -3 | tr '\n' ' ')
    [[ -z $left ]] || fail "left behind: $left"
}

# new_case NAME: a fresh site copy at $SITE with the good previous output at $OUT.
new_case() {
    N=$((N + 1))
    CASE="#$N $1"
    D=$WORK/c$N
    SITE=$D/site
    OUT=$D/out
    LOG=$D/log
    mkdir -p "$D"
    cp -r "$BASE" "$SITE"
    cp -a "$GOOD" "$OUT"
    OK=1
}

# finish: builds (expecting the promises above), runs check and export, builds again.
finish() {
    TRIED=$((TRIED + 1))
    run "$LOG" build --root "$SITE" --output "$OUT"
    code_ok build
    local built=$CODE
    if [[ $built != 0 && $(tree_hash "$OUT") != "$GOOD_HASH" ]]; then
        fail "the failed build changed the previous output"
    fi
    no_secret "$OUT" "$LOG.out" "$LOG.err"
    # check and export read content/ and candor.toml, not the theme.
    if [[ $CASE != *" static"* && $CASE != *" templates"* ]]; then
        run "$LOG.check" check --root "$SITE"
        code_ok check
        no_secret "$LOG.check.out" "$LOG.check.err"
        run "$LOG.export" export --root "$SITE" --format json
        code_ok export
        no_secret "$LOG.export.out" "$LOG.export.err"
    fi
    run "$LOG.again" build --root "$SITE" --output "$OUT"
    code_ok rebuild
    no_strays "$D"
    [[ -d $OUT ]] || fail "no output folder after two builds"
    done_case
}

done_case() {
    if [[ $OK == 1 ]]; then HELD=$((HELD + 1)); fi
    chmod -R u+rwx "$D" 2>/dev/null
    rm -rf "$D"
}

# plant REL: makes room for something at $SITE/REL (removing what is there).
plant() {
    rm -rf "${SITE:?}/$1"
    mkdir -p "$(dirname "$SITE/$1")"
}

LOCATIONS=(static templates static/x.css static/img/x.svg templates/page.html candor.toml
    content/retention.csv content/systems.csv content/recipients.csv content/inventory/x.csv
    content/inventory content/models content/models/x.md content/pages content/pages/x.md content)

# 1. Links that leave the site, to every kind of target, from every place.
for target in /etc /etc/passwd "$SECRET_DIR" "$SECRET_FILE" "$WORK/outside/card.md" /dev/zero /proc/self/environ; do
    for loc in "${LOCATIONS[@]}"; do
        new_case "link $loc -> $target"
        plant "$loc"
        ln -s "$target" "$SITE/$loc"
        finish
    done
done

# 2. Dangling links, loops, links by relative path climbing out.
for loc in "${LOCATIONS[@]}"; do
    new_case "dangling $loc"
    plant "$loc"
    ln -s "$WORK/nowhere/at/all" "$SITE/$loc"
    finish
    new_case "self loop $loc"
    plant "$loc"
    ln -s "$(basename "$loc")" "$SITE/$loc"
    finish
    new_case "relative climb $loc"
    plant "$loc"
    depth=$(($(tr -cd / <<<"$loc" | wc -c) + 1))
    up=$(printf '../%.0s' $(seq $depth))
    ln -s "${up}outside/secret.csv" "$SITE/$loc"
    finish
done

# 3. Links that stay inside the site, some allowed, some crossing from static/ into content/.
inside_cases=(
    "static/raw:../content"
    "static/inv.csv:../content/inventory/customers.csv"
    "static/self:."
    "static/up:.."
    "templates/loop:.."
    "templates/page.html:../content/pages/your-rights.md"
    "content/inventory/again.csv:customers.csv"
    "content/models/again.md:style-recommender.md"
    "content/pages/p.md:../pages/your-rights.md"
    "content/inventory/sub:."
    "content/loop:../content"
    "candor.toml:content/../candor.toml.real"
)
for c in "${inside_cases[@]}"; do
    loc=${c%%:*}
    target=${c#*:}
    new_case "inside link $loc -> $target"
    mkdir -p "$(dirname "$SITE/$loc")"
    [[ $loc == candor.toml ]] && mv "$SITE/candor.toml" "$SITE/candor.toml.real"
    rm -rf "${SITE:?}/$loc"
    ln -s "$target" "$SITE/$loc"
    finish
done

# 4. Odd names in every folder candor reads.
odd_names=($'bad\xff\xfe' $'new\nline' "$(printf 'l%.0s' {1..250})" "-rf" "--output=x" " space " "con" "a..b" "ünïcode" $'tab\tname' '$(touch pwned)' '*')
for dir in content/inventory content/models content/pages static templates; do
    for name in "${odd_names[@]}"; do
        for ext in csv md; do
            [[ $dir == content/inventory && $ext == md ]] && continue
            [[ $dir != content/inventory && $ext == csv && $dir != static ]] && continue
            new_case "odd name $dir/${name:0:20}.$ext"
            mkdir -p "$SITE/$dir"
            if [[ $ext == csv ]]; then
                cp "$BASE/content/inventory/staff.csv" "$SITE/$dir/$name.$ext" 2>/dev/null
            else
                cp "$BASE/content/pages/your-rights.md" "$SITE/$dir/$name.$ext" 2>/dev/null
            fi
            finish
            [[ -e $REPO/pwned || -e $WORK/pwned ]] && fail "a file name was run as a command"
        done
    done
done

# 5. Unreadable files and folders.
for loc in candor.toml content/retention.csv content/inventory/customers.csv content/models/style-recommender.md \
    content/pages/your-rights.md content/inventory content/models content/pages content; do
    new_case "unreadable $loc"
    chmod 000 "$SITE/$loc"
    finish
done
for loc in static/x.css templates/page.html; do
    new_case "unreadable $loc"
    mkdir -p "$(dirname "$SITE/$loc")"
    echo x >"$SITE/$loc"
    chmod 000 "$SITE/$loc"
    finish
done

# 6. FIFOs (never to be opened) and, as root, devices.
for loc in candor.toml content/retention.csv content/systems.csv content/recipients.csv content/inventory/x.csv \
    content/models/x.md content/pages/x.md static/x.css templates/page.html; do
    new_case "fifo $loc"
    plant "$loc"
    mkfifo "$SITE/$loc"
    finish
    if [[ $is_root == 1 ]]; then
        new_case "device $loc"
        plant "$loc"
        mknod "$SITE/$loc" c 1 5 # /dev/zero
        finish
    fi
done

# 7. Output folders around the site or inside its inputs: refused, the site intact.
for where in SITE SITE/.. SITE/content/out SITE/static/out SITE/templates/out SITE/content/inventory SITE/static; do
    new_case "output at $where"
    TRIED=$((TRIED + 1))
    mkdir -p "$SITE/static" "$SITE/templates"
    out=${where/SITE/$SITE}
    before=$(tree_hash "$SITE")
    run "$LOG" build --root "$SITE" --output "$out"
    code_ok build
    [[ $CODE == 2 ]] || fail "output $where was accepted (exit $CODE)"
    [[ $(tree_hash "$SITE") == "$before" ]] || fail "the site changed"
    done_case
done
new_case "site moved into an earlier build, built into it"
TRIED=$((TRIED + 1))
cp -r "$BASE" "$OUT/site"
run "$LOG" build --root "$OUT/site" --output "$OUT"
[[ $CODE == 2 && -f $OUT/site/candor.toml ]] || fail "the sources were replaced (exit $CODE)"
done_case

# 8. Concurrent builds into one folder: all succeed, nothing left behind.
for k in 2 3 4 5 6 8; do
    new_case "$k concurrent builds"
    TRIED=$((TRIED + 1))
    pids=()
    for i in $(seq "$k"); do
        timeout -k 5 60 "$CANDOR" build --root "$SITE" --output "$OUT" >"$LOG.$i" 2>&1 &
        pids+=($!)
    done
    for p in "${pids[@]}"; do
        wait "$p"
        CODE=$?
        [[ $CODE == 0 ]] || fail "a concurrent build exited $CODE: $(tail -2 "$LOG".* | tr '\n' ' ')"
    done
    no_strays "$D"
    [[ -f $OUT/index.html && -f $OUT/.candor-build ]] || fail "no complete output"
    done_case
done

# 9. Kills at random moments of a build (of the larger demo site), then a rebuild.
timeout 60 "$CANDOR" build --root "$DEMO" --output "$WORK/demo-good" >/dev/null 2>&1
for sig in KILL TERM INT HUP; do
    for i in $(seq 8); do
        N=$((N + 1))
        CASE="#$N kill -$sig at a random moment ($i)"
        D=$WORK/c$N
        OUT=$D/out
        LOG=$D/log
        OK=1
        TRIED=$((TRIED + 1))
        mkdir -p "$D"
        cp -a "$WORK/demo-good" "$OUT"
        "$CANDOR" build --root "$DEMO" --output "$OUT" >"$LOG" 2>&1 &
        pid=$!
        sleep "0.$((RANDOM % 40))"
        kill -s "$sig" "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        [[ -f $OUT/index.html && -f $OUT/.candor-build ]] || fail "no complete output folder after the kill"
        run "$LOG" build --root "$DEMO" --output "$OUT"
        [[ $CODE == 0 ]] || fail "the rebuild after a kill exited $CODE: $(head -3 "$LOG.err")"
        no_strays "$D"
        done_case
    done
done

echo "$TRIED tried, $HELD held"
if ((${#FAILED[@]} > 0)); then
    printf '  FAILED %s\n' "${FAILED[@]}" | cut -c1-200 | head -60
    exit 1
fi
