#!/usr/bin/env python3
"""Independent reference for the UMDF metrics (io.github.umdf.tribuo.evaluation.metrics), numpy only.

Written from the conventions, not from the Java code: MMSA's __eval_mosi_regression for
regression, scikit-learn's accuracy_score / f1_score(average='weighted') for classification,
MulT's eval_iemocap for multi-label emotions. scikit-learn is not required: its weighted F1 is
re-implemented below from its definition (labels = union of y_true and y_pred, per-class
F1 = 2PR/(P+R) with 0 where undefined, average weighted by true support).

NaN results are written as JSON null (JSON has no NaN), as RESULTS.json does.

Usage:
  metrics_reference.py regression FILE.csv
      columns truth,prediction (and optionally case): prints the eight regression metrics,
      or {case: metrics} when a case column is present.
  metrics_reference.py classification FILE.csv
      columns truth,prediction (integer classes; optionally case): prints {"acc", "f1"}.
  metrics_reference.py pred PRED.csv [--model NAME] [--dataset NAME]
      columns id,condition,rate,seed,truth,prediction (regression) or
      id,condition,rate,seed,truth_<label>...,prediction_<label>... (multi-label; truth 0/1,
      prediction = probability of presence, present when > 0.5); groups rows by
      (condition, rate, seed) in order of first appearance and prints a RESULTS.json-style list
      of {"model","dataset","seed","condition","rate","metrics"}.
"""
import argparse
import csv
import json
import math
import sys

import numpy as np

REGRESSION_KEYS = ["mae", "corr", "acc7", "acc5", "acc2_has0", "f1_has0", "acc2_non0", "f1_non0"]


def accuracy(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    return float(np.mean(y_true == y_pred))


def weighted_f1(y_true, y_pred):
    """sklearn.metrics.f1_score(y_true, y_pred, average='weighted', zero_division=0)."""
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    labels = np.union1d(y_true, y_pred)
    scores = []
    supports = []
    for c in labels:
        tp = int(np.sum((y_pred == c) & (y_true == c)))
        fp = int(np.sum((y_pred == c) & (y_true != c)))
        fn = int(np.sum((y_pred != c) & (y_true == c)))
        precision = tp / (tp + fp) if tp + fp > 0 else 0.0
        recall = tp / (tp + fn) if tp + fn > 0 else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
        scores.append(f1)
        supports.append(tp + fn)
    return float(np.average(np.array(scores), weights=np.array(supports, dtype=float)))


def multiclass_acc(preds, truths):
    return float(np.sum(np.round(preds) == np.round(truths)) / float(len(truths)))


def pearson(x, y):
    # A constant vector (all elements exactly equal) has no correlation: NaN, as documented in Java.
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    return float(np.corrcoef(x, y)[0][1])


def regression_metrics(test_truth, test_preds):
    """MMSA MetricsTop.__eval_mosi_regression, plus Has0 F1 and NaN for an empty Non0 set."""
    test_truth = np.asarray(test_truth, dtype=np.float64)
    test_preds = np.asarray(test_preds, dtype=np.float64)
    test_preds_a7 = np.clip(test_preds, a_min=-3., a_max=3.)
    test_truth_a7 = np.clip(test_truth, a_min=-3., a_max=3.)
    test_preds_a5 = np.clip(test_preds, a_min=-2., a_max=2.)
    test_truth_a5 = np.clip(test_truth, a_min=-2., a_max=2.)

    mae = float(np.mean(np.absolute(test_preds - test_truth)))
    corr = pearson(test_preds, test_truth)
    mult_a7 = multiclass_acc(test_preds_a7, test_truth_a7)
    mult_a5 = multiclass_acc(test_preds_a5, test_truth_a5)

    non_zeros = np.array([i for i, e in enumerate(test_truth) if e != 0], dtype=int)
    if len(non_zeros) == 0:
        non_zeros_acc2 = float("nan")
        non_zeros_f1 = float("nan")
    else:
        non_zeros_binary_truth = (test_truth[non_zeros] > 0)
        non_zeros_binary_preds = (test_preds[non_zeros] > 0)
        non_zeros_acc2 = accuracy(non_zeros_binary_truth, non_zeros_binary_preds)
        non_zeros_f1 = weighted_f1(non_zeros_binary_truth, non_zeros_binary_preds)

    binary_truth = (test_truth >= 0)
    binary_preds = (test_preds >= 0)
    acc2 = accuracy(binary_truth, binary_preds)
    f_score = weighted_f1(binary_truth, binary_preds)
    values = [mae, corr, mult_a7, mult_a5, acc2, f_score, non_zeros_acc2, non_zeros_f1]
    return dict(zip(REGRESSION_KEYS, values))


def multilabel_metrics(labels, truths, probabilities):
    """MulT eval_iemocap per label: accuracy and weighted F1 of present (p > 0.5) vs absent."""
    out = {}
    for j, label in enumerate(labels):
        t = truths[:, j] > 0.5
        p = probabilities[:, j] > 0.5
        out["acc_" + label] = accuracy(t, p)
        out["f1_" + label] = weighted_f1(t, p)
    return out


def nan_to_none(metrics):
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in metrics.items()}


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames or [], list(reader)


def grouped(rows, key):
    groups = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


def run_pairs(path, metrics_of, number):
    columns, rows = read_rows(path)
    for required in ("truth", "prediction"):
        if required not in columns:
            sys.exit(f"{path}: expected a '{required}' column, got columns {columns}")

    def compute(rs):
        t = np.array([number(r["truth"]) for r in rs])
        p = np.array([number(r["prediction"]) for r in rs])
        return nan_to_none(metrics_of(t, p))

    if "case" in columns:
        return {case: compute(rs) for case, rs in grouped(rows, lambda r: r["case"]).items()}
    return compute(rows)


def run_pred(path, model, dataset):
    columns, rows = read_rows(path)
    for required in ("id", "condition", "rate", "seed"):
        if required not in columns:
            sys.exit(f"{path}: expected a '{required}' column, got columns {columns}")
    labels = [c[len("truth_"):] for c in columns if c.startswith("truth_")]
    if "truth" in columns and "prediction" in columns:
        def metrics_of(rs):
            return regression_metrics([float(r["truth"]) for r in rs], [float(r["prediction"]) for r in rs])
    elif labels:
        missing = [l for l in labels if "prediction_" + l not in columns]
        if missing:
            sys.exit(f"{path}: no prediction_<label> column for labels {missing}")

        def metrics_of(rs):
            t = np.array([[float(r["truth_" + l]) for l in labels] for r in rs])
            if not np.all((t == 0) | (t == 1)):
                sys.exit(f"{path}: truth_<label> values must be 0 or 1")
            p = np.array([[float(r["prediction_" + l]) for l in labels] for r in rs])
            return multilabel_metrics(labels, t, p)
    else:
        sys.exit(f"{path}: expected truth,prediction (regression) or truth_<label>,prediction_<label> "
                 f"(multi-label) columns, got {columns}")
    out = []
    groups = grouped(rows, lambda r: (r["condition"], float(r["rate"]), int(r["seed"])))
    for (condition, rate, seed), rs in groups.items():
        out.append({"model": model, "dataset": dataset, "seed": seed, "condition": condition,
                    "rate": rate, "metrics": nan_to_none(metrics_of(rs))})
    return out


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["regression", "classification", "pred"])
    parser.add_argument("file")
    parser.add_argument("--model")
    parser.add_argument("--dataset")
    args = parser.parse_args(argv)
    if args.mode == "regression":
        result = run_pairs(args.file, regression_metrics, float)
    elif args.mode == "classification":
        result = run_pairs(args.file, lambda t, p: {"acc": accuracy(t, p), "f1": weighted_f1(t, p)}, int)
    else:
        result = run_pred(args.file, args.model, args.dataset)
    json.dump(result, sys.stdout, allow_nan=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
