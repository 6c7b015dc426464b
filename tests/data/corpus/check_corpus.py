#!/usr/bin/env python3
"""Validate the leading-question corpus (sources.csv, questions.csv).

Standard library only. Run from anywhere:

    python3 tests/data/corpus/check_corpus.py            # validate + print counts
    python3 tests/data/corpus/check_corpus.py --recompute-split
                                                         # also re-derive the split

Exits non-zero if any check fails. The test split (round 1) and the test2 split
(round 2) are frozen: their fingerprints are pinned below and any change to their
rows or sources fails the check.
"""
import collections
import csv
import hashlib
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources.csv")
QUESTIONS = os.path.join(HERE, "questions.csv")

SOURCE_HEADER = ["source_id", "kind", "url", "title", "split"]
QUESTION_HEADER = ["id", "question", "leading", "category", "labelled_by", "source_id", "split"]
KINDS = {
    "ux-interview", "usability-testing", "survey-design", "interview-course", "legal",
    "journalism-qualitative", "incident-review", "satisfaction-survey", "other",
}
SPLITS = {"train", "test", "test2"}
LEADING_CATEGORIES = {
    "presumption", "approval-yes-no", "double-barreled", "loaded-wording", "premise-first",
    "tag-question", "unbalanced-scale", "blame", "solution-pitch", "hypothetical",
    "agreement-seeking", "other-leading",
}
NEUTRAL_CATEGORIES = {"open-probe", "behaviour", "balanced", "clarifying", "task", "other-neutral"}
LABELLED_BY = {"source", "guideline"}

# Split method (see README.md): seed, target fraction of sources in test.
SEED = 20261123
TEST_FRAC = 0.35

# Frozen test split. Do not edit these to make the check pass: the test split
# must never change once frozen (2026-11-23).
FROZEN_TEST_QUESTIONS_SHA256 = "8033ebd405c24a64faa7ecb92f26965de7d73cf7cb6db6a4274e164593405277"
FROZEN_TEST_SOURCES_SHA256 = "b087974be74bc1e420227272f46a8f6588e8119fd26c8bc845bdc7527810caf1"

# Round 2 (see README.md): sources s232 onwards, dealt by site into train/test2
# with their own seed before any checker change. test2 is frozen like test.
ROUND2_FIRST_SOURCE = "s232"
SEED2 = 20261124
TEST2_FRAC = 0.40
FROZEN_TEST2_QUESTIONS_SHA256 = "4bf854c34eaee47cca8d863662e2fb0644b7edc43c6b827551f17a9569ae3a77"
FROZEN_TEST2_SOURCES_SHA256 = "c69cd07d8a4a9024ce394c3a090599cf627d352a7f6e1c73e5fd08809a0b458b"

errors = []


def fail(msg):
    errors.append(msg)


def read_csv(path, header):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        rows = list(reader)
    if not rows:
        fail(f"{os.path.basename(path)}: empty file")
        return []
    if rows[0] != header:
        fail(f"{os.path.basename(path)}: header {rows[0]!r} != expected {header!r}")
        return []
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            fail(f"{os.path.basename(path)}:{n}: expected {len(header)} fields, got {len(row)}")
            continue
        out.append(dict(zip(header, row)))
    return out


def norm(text):
    text = re.sub(r"[^\w\s]", "", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def test_questions_fingerprint(questions, split="test"):
    lines = sorted(
        "\t".join([q["id"], q["question"], q["leading"], q["category"], q["source_id"]])
        for q in questions if q["split"] == split
    )
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_sources_fingerprint(sources, split="test"):
    lines = sorted("\t".join([s["source_id"], s["url"]]) for s in sources if s["split"] == split)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def is_round2(source_id):
    return int(source_id[1:]) >= int(ROUND2_FIRST_SOURCE[1:])


# --- split method, kept here so the recorded split can be re-derived -------
MULTI_LABEL_SUFFIXES = (
    "pages.dev", "github.io", "blogspot.com", "wordpress.com", "substack.com",
    "vercel.app", "livejournal.com", "dreamwidth.org", "web.id", "biz.id", "in.net",
    "co.uk", "org.uk", "gov.uk", "com.au", "org.au", "net.au", "gov.au",
)


def site_group(url):
    """Pages of one site form one group; the 'leads.*' template-farm sites
    (one article republished on many hosts) form a single group."""
    host = re.sub(r"^https?://", "", url).split("/")[0].split(":")[0].lower()
    if host.startswith(("leads.", "leads1.")):
        return "leads-template-farm"
    labels = [label for label in host.split(".") if label != "www"]
    n = 3 if ".".join(labels[-2:]) in MULTI_LABEL_SUFFIXES else 2
    return ".".join(labels[-n:])


def derive_split(sources, seed=SEED, frac=TEST_FRAC, test_name="test"):
    """Round 1: derive_split(round-1 sources). Round 2: derive_split2(round-2 sources)."""
    groups = collections.OrderedDict()
    kind_of = {}
    for s in sorted(sources, key=lambda s: s["source_id"]):
        g = site_group(s["url"])
        groups.setdefault(g, []).append(s["source_id"])
        kind_of.setdefault(g, s["kind"])  # a group's kind = kind of its lowest source_id
    rng = random.Random(seed)
    split = {}
    for kind in sorted(set(kind_of.values())):
        gs = sorted((g for g in groups if kind_of[g] == kind), key=lambda g: min(groups[g]))
        target = round(sum(len(groups[g]) for g in gs) * frac)
        order = gs[:]
        rng.shuffle(order)
        n_test, test_groups = 0, set()
        for g in order:
            if n_test >= target or len(test_groups) == len(gs) - 1:
                break
            if n_test + len(groups[g]) <= target + 1:
                test_groups.add(g)
                n_test += len(groups[g])
        for g in gs:
            for sid in groups[g]:
                split[sid] = test_name if g in test_groups else "train"
    return split


def derive_split2(sources):
    """The round-2 split: same method, its own seed and fraction, round-2 sources only.
    A round-2 source never shares a site group with a round-1 source (collection rule)."""
    return derive_split([s for s in sources if is_round2(s["source_id"])], SEED2, TEST2_FRAC, "test2")


def table(counter, rows, cols, title):
    print(f"\n{title}")
    width = max([len(str(r)) for r in rows] + [8])
    print(" " * width + "".join(f"{str(c):>10}" for c in cols) + f"{'total':>10}")
    for r in rows:
        vals = [counter.get((r, c), 0) for c in cols]
        print(f"{str(r):<{width}}" + "".join(f"{v:>10}" for v in vals) + f"{sum(vals):>10}")
    tot = [sum(counter.get((r, c), 0) for r in rows) for c in cols]
    print(f"{'total':<{width}}" + "".join(f"{v:>10}" for v in tot) + f"{sum(tot):>10}")


def main():
    sources = read_csv(SOURCES, SOURCE_HEADER)
    questions = read_csv(QUESTIONS, QUESTION_HEADER)
    if errors:
        report_and_exit()

    # sources
    by_id = {}
    urls = set()
    for s in sources:
        if not re.fullmatch(r"s\d{3,}", s["source_id"]):
            fail(f"bad source_id {s['source_id']!r}")
        if s["source_id"] in by_id:
            fail(f"duplicate source_id {s['source_id']}")
        by_id[s["source_id"]] = s
        if s["kind"] not in KINDS:
            fail(f"{s['source_id']}: bad kind {s['kind']!r}")
        if s["split"] not in SPLITS:
            fail(f"{s['source_id']}: bad split {s['split']!r}")
        if not re.match(r"https?://", s["url"]):
            fail(f"{s['source_id']}: url is not http(s): {s['url']!r}")
        if s["url"] in urls:
            fail(f"{s['source_id']}: duplicate url {s['url']}")
        urls.add(s["url"])
        if not s["title"].strip():
            fail(f"{s['source_id']}: empty title")

    # questions
    ids = set()
    seen_text = {}
    used_sources = collections.Counter()
    for q in questions:
        qid = q["id"]
        if not re.fullmatch(r"q\d{4,}", qid):
            fail(f"bad question id {qid!r}")
        if qid in ids:
            fail(f"duplicate question id {qid}")
        ids.add(qid)
        if not q["question"].strip() or q["question"] != q["question"].strip():
            fail(f"{qid}: empty question or surrounding whitespace")
        key = norm(q["question"])
        if key in seen_text:
            fail(f"{qid}: duplicate question text (same as {seen_text[key]})")
        seen_text[key] = qid
        if q["leading"] not in ("0", "1"):
            fail(f"{qid}: leading must be 0 or 1, got {q['leading']!r}")
        else:
            allowed = LEADING_CATEGORIES if q["leading"] == "1" else NEUTRAL_CATEGORIES
            if q["category"] not in allowed:
                fail(f"{qid}: category {q['category']!r} not valid for leading={q['leading']}")
        if q["labelled_by"] not in LABELLED_BY:
            fail(f"{qid}: labelled_by must be one of {sorted(LABELLED_BY)}, got {q['labelled_by']!r}")
        src = by_id.get(q["source_id"])
        if src is None:
            fail(f"{qid}: unknown source_id {q['source_id']!r}")
        elif q["split"] != src["split"]:
            fail(f"{qid}: split {q['split']!r} differs from its source {src['source_id']} ({src['split']!r})")
        if q["split"] not in SPLITS:
            fail(f"{qid}: bad split {q['split']!r}")
        used_sources[q["source_id"]] += 1
    for sid in by_id:
        if not used_sources[sid]:
            fail(f"{sid}: source has no questions")

    # split properties, per round: round 1 deals train/test, round 2 deals train/test2
    for q in questions:
        src = by_id.get(q["source_id"])
        if src is None:
            continue
        allowed = {"train", "test2"} if is_round2(src["source_id"]) else {"train", "test"}
        if src["split"] not in allowed:
            fail(f"{src['source_id']}: split {src['split']!r} not allowed in its round")
    round1 = [s for s in sources if not is_round2(s["source_id"])]
    round2 = [s for s in sources if is_round2(s["source_id"])]
    for name, srcs, frac, min_q in (("test", round1, 0.30, 180), ("test2", round2, 0.35, 120)):
        if not srcs:
            continue
        n_test_src = sum(1 for s in srcs if s["split"] == name)
        if n_test_src / len(srcs) < frac:
            fail(f"{name} split holds {n_test_src}/{len(srcs)} of its round's sources (< {frac:.0%})")
        test_q = [q for q in questions if q["split"] == name]
        if len(test_q) < min_q:
            fail(f"{name} split has only {len(test_q)} questions (< {min_q})")
        if test_q:
            share = sum(q["leading"] == "1" for q in test_q) / len(test_q)
            if not 0.30 <= share <= 0.70:
                fail(f"{name} split leading share {share:.2f} outside [0.30, 0.70]")
        for kind in sorted(KINDS):
            splits = {s["split"] for s in srcs if s["kind"] == kind}
            if splits and len(splits) < 2:
                print(f"warning: kind {kind!r} only appears in {sorted(splits)} in the {name} round")
    overall = sum(q["leading"] == "1" for q in questions) / max(1, len(questions))
    if not 0.40 <= overall <= 0.60:
        fail(f"overall leading share {overall:.2f} outside [0.40, 0.60]")
    # Round-2 sources are on sites that round 1 does not use (collection rule).
    round1_sites = {site_group(s["url"]) for s in round1}
    for s in round2:
        if site_group(s["url"]) in round1_sites:
            fail(f"{s['source_id']}: site {site_group(s['url'])} is also a round-1 site")

    # frozen test splits
    fq = test_questions_fingerprint(questions)
    fs = test_sources_fingerprint(sources)
    if fq != FROZEN_TEST_QUESTIONS_SHA256:
        fail(f"frozen test questions changed (sha256 {fq} != {FROZEN_TEST_QUESTIONS_SHA256})")
    if fs != FROZEN_TEST_SOURCES_SHA256:
        fail(f"frozen test sources changed (sha256 {fs} != {FROZEN_TEST_SOURCES_SHA256})")
    fq2 = test_questions_fingerprint(questions, "test2")
    fs2 = test_sources_fingerprint(sources, "test2")
    if fq2 != FROZEN_TEST2_QUESTIONS_SHA256:
        fail(f"frozen test2 questions changed (sha256 {fq2} != {FROZEN_TEST2_QUESTIONS_SHA256})")
    if fs2 != FROZEN_TEST2_SOURCES_SHA256:
        fail(f"frozen test2 sources changed (sha256 {fs2} != {FROZEN_TEST2_SOURCES_SHA256})")

    if "--recompute-split" in sys.argv[1:]:
        derived = derive_split([s for s in sources if not is_round2(s["source_id"])])
        derived.update(derive_split2(sources))
        diff = [s["source_id"] for s in sources if derived.get(s["source_id"]) != s["split"]]
        if diff:
            fail(f"recorded split differs from the derived split for {len(diff)} sources: {diff[:10]}")
        else:
            print("split re-derived from seeds and method (both rounds): matches sources.csv")

    print_counts(sources, questions, by_id)
    r2 = {s["source_id"] for s in sources if is_round2(s["source_id"])}
    if r2:
        print("\n--- round 2 only (sources s232 onwards) ---")
        print_counts([s for s in sources if s["source_id"] in r2],
                     [q for q in questions if q["source_id"] in r2], by_id)
    report_and_exit()


def print_counts(sources, questions, by_id):
    kinds = sorted(KINDS)
    print(f"sources: {len(sources)}   questions: {len(questions)}")
    c = collections.Counter((s["kind"], s["split"]) for s in sources)
    cols = ["train", "test", "test2"]
    table(c, kinds, cols, "sources per kind per split")
    c = collections.Counter((by_id[q["source_id"]]["kind"], q["split"]) for q in questions if q["source_id"] in by_id)
    table(c, kinds, cols, "questions per source kind per split")
    c = collections.Counter((q["leading"], q["split"]) for q in questions)
    table(c, ["0", "1"], cols, "questions per label (leading) per split")
    cats = sorted(LEADING_CATEGORIES) + sorted(NEUTRAL_CATEGORIES)
    c = collections.Counter((q["category"], q["split"]) for q in questions)
    table(c, cats, cols, "questions per category per split")
    c = collections.Counter((q["labelled_by"], q["leading"]) for q in questions)
    table(c, sorted(LABELLED_BY), ["0", "1"], "labelled_by per label")


def report_and_exit():
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  - " + e)
        sys.exit(1)
    print("\nOK: corpus is valid")
    sys.exit(0)


if __name__ == "__main__":
    main()
