#!/usr/bin/env python3
"""Expected values of psych::alpha for the psychometrics tests, by a route independent of the Java code.

Plain Python 3, no numpy. It generates a data set with a fixed seed for the test package
`packages/psychometrics` (scale E: 7 Likert items, e3 keyed -1, e5 constant, e6 negatively correlated and
not keyed, 8 % of answers missing; scale A: 4 items, mean aggregation), keys the answers as Bilan does
(min + max - v with the declared bounds 1..5), then computes what R's psych::alpha(x) reports for the keyed
items with its default arguments (use = "pairwise", delete = TRUE, cumulative = FALSE), following psych's
source: items with no variance deleted; C = cov(x, use = "pairwise"); R = cov2cor(C); alpha.1(C, R) for the
scale and without each item; raw.r = cor(rowMeans(x, na.rm = TRUE), x, use = "pairwise"); std.r =
colSums(R) / sqrt(sum(R)); r.drop from C. It also scores the scale as Bilan does (sum prorated to 7 items
when 5 or more are answered; mean over answered items) for the scale's mean and SD.

Run from the repository root:  python3 sdk/runtime/src/test/python/psych_alpha.py
It rewrites src/test/resources/psychometrics/{responses.csv,expected.json}.
"""
import csv
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "psychometrics")
ROWS = 300
SEED = 20250611
LOW, HIGH = 1, 5

# scale id -> (items, reversed items, aggregation, minAnswered)
SCALES = {
    "E": (["e1", "e2", "e3", "e4", "e5", "e6", "e7"], {"e3"}, "sum", 5),
    "A": (["a1", "a2", "a3", "a4"], {"a2"}, "mean", 1),
}
# item -> loading on its scale's factor; None: constant 3
LOADINGS = {"e1": 0.9, "e2": 0.8, "e3": -0.85, "e4": 0.6, "e5": None, "e6": -0.5, "e7": 0.7,
            "a1": 0.7, "a2": -0.6, "a3": 0.5, "a4": 0.8}
MISSING = 0.08


def generate():
    rng = random.Random(SEED)
    rows = []
    for r in range(ROWS):
        factors = {"E": rng.gauss(0, 1), "A": rng.gauss(0, 1)}
        row = {"respondent": "r%03d" % (r + 1)}
        for scale, (items, _, _, _) in SCALES.items():
            for item in items:
                loading = LOADINGS[item]
                value = 3 if loading is None else round(3 + 1.1 * loading * factors[scale] + rng.gauss(0, 0.9))
                value = min(HIGH, max(LOW, value))
                row[item] = None if rng.random() < MISSING else value
        rows.append(row)
    # Respondents who skip a whole scale, or answer too few items for a score.
    for item in SCALES["E"][0]:
        rows[7][item] = None
    for item in SCALES["E"][0][2:]:
        rows[11][item] = None
    return rows


def keyed(rows, scale):
    items, reversed_items, _, _ = SCALES[scale]
    return [[None if row[i] is None else (LOW + HIGH - row[i] if i in reversed_items else float(row[i]))
             for i in items] for row in rows]


def mean(values):
    return sum(values) / len(values)


def sd(values):
    if len(values) < 2:
        return float("nan")
    m = mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))


def pairwise_cov(x, i, j):
    pairs = [(row[i], row[j]) for row in x if row[i] is not None and row[j] is not None]
    if len(pairs) < 2:
        return float("nan")
    mi = mean([p[0] for p in pairs])
    mj = mean([p[1] for p in pairs])
    return sum((a - mi) * (b - mj) for a, b in pairs) / (len(pairs) - 1)


def pearson(pairs):
    mx = mean([p[0] for p in pairs])
    my = mean([p[1] for p in pairs])
    sxy = sum((a - mx) * (b - my) for a, b in pairs)
    sxx = sum((a - mx) ** 2 for a, _ in pairs)
    syy = sum((b - my) ** 2 for _, b in pairs)
    return sxy / math.sqrt(sxx * syy)


def alpha1(C, R):
    """psych's alpha.1: raw alpha, standardized alpha, average r."""
    n = len(C)
    tr = sum(C[a][a] for a in range(n))
    sum_c = sum(sum(row) for row in C)
    sum_r = sum(sum(row) for row in R)
    return {"raw": (1 - tr / sum_c) * (n / (n - 1)),
            "standardized": (1 - n / sum_r) * (n / (n - 1)),
            "averageR": (sum_r - n) / (n * (n - 1))}


def without(M, d):
    return [[M[a][b] for b in range(len(M)) if b != d] for a in range(len(M)) if a != d]


def psych_alpha(x, names):
    """What psych::alpha(x) reports, for keyed data x (rows of values or None)."""
    k_all = len(names)
    item_sd = [sd([row[i] for row in x if row[i] is not None]) for i in range(k_all)]
    kept = [i for i in range(k_all) if item_sd[i] > 0]   # NaN > 0 is False: deleted too
    k = len(kept)
    C = [[pairwise_cov(x, i, j) for j in kept] for i in kept]
    R = [[C[a][b] / math.sqrt(C[a][a] * C[b][b]) for b in range(k)] for a in range(k)]
    total_alpha = alpha1(C, R)
    sum_r = sum(sum(row) for row in R)
    totals = []
    for row in x:
        answered = [row[i] for i in kept if row[i] is not None]
        totals.append(mean(answered) if answered else None)
    items = {}
    for a, i in enumerate(kept):
        col_c = sum(C[b][a] for b in range(k))
        col_r = sum(R[b][a] for b in range(k))
        v_drop = sum(sum(row) for row in without(C, a))
        raw_r = pearson([(row[i], t) for row, t in zip(x, totals) if row[i] is not None and t is not None])
        items[names[i]] = {
            "rawR": raw_r,
            "stdR": col_r / math.sqrt(sum_r),
            "rDrop": (col_c - C[a][a]) / math.sqrt(C[a][a] * v_drop),
            "alphaDrop": alpha1(without(C, a), without(R, a)) if k > 2 else None,
        }
    for i in range(k_all):
        present = [row[i] for row in x if row[i] is not None]
        items.setdefault(names[i], {}).update({"n": len(present), "mean": mean(present),
                                               "sd": None if math.isnan(item_sd[i]) else item_sd[i],
                                               "excluded": i not in kept})
    return total_alpha, items


def bilan_scores(x, aggregation, min_answered):
    scores = []
    for row in x:
        answered = [v for v in row if v is not None]
        if len(answered) < max(1, min_answered):
            continue
        total = sum(answered)
        scores.append(total * len(row) / len(answered) if aggregation == "sum" else total / len(answered))
    return scores


def tiny_case():
    """The hand-computed case of ScaleSampleTest: 3 items, 4 respondents, complete."""
    x = [[1.0, 2.0, 2.0], [2.0, 2.0, 3.0], [3.0, 4.0, 3.0], [4.0, 4.0, 4.0]]
    a, items = psych_alpha(x, ["i1", "i2", "i3"])
    return {"alpha": a, "items": items}


def main():
    rows = generate()
    header = ["respondent"] + [i for items, _, _, _ in SCALES.values() for i in items]
    with open(os.path.join(OUT, "responses.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([row["respondent"]] + ["" if row[i] is None else row[i] for i in header[1:]])
    expected = {"seed": SEED, "rows": ROWS, "scales": {}, "tiny": tiny_case()}
    for scale, (items, _, aggregation, min_answered) in SCALES.items():
        x = keyed(rows, scale)
        alpha, item_stats = psych_alpha(x, items)
        scores = bilan_scores(x, aggregation, min_answered)
        expected["scales"][scale] = {
            "n": sum(1 for row in x if any(v is not None for v in row)),
            "scored": len(scores), "mean": mean(scores), "sd": sd(scores),
            "alpha": alpha, "items": item_stats}
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
