"""Tables and sentences for the model card (notebook 04): the benchmark goals, what
was tried when one is missed, and the card's takeaways.

Every number comes from the stored benchmark (``sentiment_benchmark.csv`` rows, see
:func:`~.benchmark.stored_scores`) or the news-test bootstrap
(:func:`~.benchmark.bootstrap_f1`).
"""

from __future__ import annotations

import pandas as pd

from ..prose import Prose

#: The benchmark goals: (what, dataset, model, target). A ``model`` pair means the
#: difference between the two models' macro-F1.
GOALS = (
    ("news test macro-F1 ≥ 0.70", "news-id", ("deployed",), 0.70),
    (
        "news test: at least 0.10 above reviews-only",
        "news-id",
        ("deployed", "reviews-only"),
        0.10,
    ),
    ("SmSA test macro-F1 of the deployed model ≥ 0.76", "smsa", ("deployed",), 0.76),
)


def stored_macro_f1(scores: pd.DataFrame) -> pd.Series:
    """Macro-F1 of the stored benchmark rows, indexed by ``(dataset, split, model)``."""
    return scores.set_index(["dataset", "split", "model"])["macro_f1"]


def benchmark_goals(scores: pd.DataFrame) -> pd.DataFrame:
    """Each benchmark goal with the measured value and whether it is met.

    Returns:
        ``goal``, ``measured`` (NaN or None when the split is not scored),
        ``target``, ``met`` (``yes`` / ``no`` / ``not measured``).

    >>> rows = pd.DataFrame({"dataset": ["news-id", "news-id", "smsa"], "split": ["test"] * 3,
    ...                      "model": ["deployed", "reviews-only", "deployed"],
    ...                      "macro_f1": [0.72, 0.65, 0.80]})
    >>> list(benchmark_goals(rows)["met"])
    ['yes', 'no', 'yes']
    """
    f1 = stored_macro_f1(scores)
    goals = []
    for goal, dataset, models, target in GOALS:
        if len(models) == 1:
            measured = f1.get((dataset, "test", models[0]))
        else:
            first, second = (f1.get((dataset, "test", m), float("nan")) for m in models)
            measured = first - second
        goals.append((goal, measured, target))
    table = pd.DataFrame(goals, columns=["goal", "measured", "target"])
    table["met"] = [
        ("yes" if v >= t else "no") if pd.notna(v) else "not measured"
        for v, t in zip(table["measured"], table["target"])
    ]
    return table


def describe_missed_goals(
    goal_table: pd.DataFrame, selection_log: pd.DataFrame, *, n_news_train: int
) -> Prose:
    """What was tried (the stages of the news development log) when a goal is missed.

    Args:
        goal_table: from :func:`benchmark_goals`.
        selection_log: ``news_selection_record()`` (its ``stage`` column).
        n_news_train: annotated news sentences the model was trained on.
    """
    missed = goal_table[goal_table["met"] == "no"]
    tried = sorted({stage.split(" ", 1)[1] for stage in selection_log["stage"]})
    return Prose(
        "Missed: {m}. What was tried, all measured on news dev (section 4): {t}; the "
        "deployed row is the best of them on dev. A linear model over words trained on "
        "{n} annotated news sentences is the limit here; a pretrained Indonesian "
        "transformer (IndoBERT scores 0.93 on SmSA) would be the next step.",
        m="; ".join(
            f"{g} (measured {v:.3f})"
            for g, v in zip(missed["goal"], missed["measured"])
        ),
        t=", ".join(tried),
        n=n_news_train,
    )


def card_takeaways(
    model, scores: pd.DataFrame, goal_table: pd.DataFrame, intervals=None
) -> list[tuple[str, Prose]]:
    """The model card's takeaways as ``(heading, text)`` items for
    :func:`helpers.prose.bullets`.

    Args:
        model: the fitted :class:`~.model.SentimentModel` (its config and training).
        scores: the stored benchmark rows.
        goal_table: from :func:`benchmark_goals`.
        intervals: news-test ``bootstrap_f1`` table (``model``, ``macro_f1``, ``low``,
            ``high``, ``diff``, ``diff_low``, ``diff_high``); None without news labels.
    """
    items = [
        (
            "Trained on",
            Prose(
                "{sets} ({n:,} texts after decontamination); entities masked before "
                "scoring.",
                sets=" + ".join(model.config.train_sets),
                n=model.training["n_train"],
            ),
        )
    ]
    if intervals is not None:
        row = intervals.set_index("model")
        deployed = row.loc["deployed"]
        items.append(
            (
                f"News test macro-F1 {deployed['macro_f1']:.2f}",
                Prose(
                    "(95% interval {lo:.2f}–{hi:.2f}); reviews-only {r:.2f} (difference "
                    "{d:+.2f}, interval {dl:+.2f} to {dh:+.2f}), all-neutral {a:.2f}.",
                    lo=deployed["low"],
                    hi=deployed["high"],
                    r=row.loc["reviews-only", "macro_f1"],
                    d=deployed["diff"],
                    dl=deployed["diff_low"],
                    dh=deployed["diff_high"],
                    a=row.loc["all-neutral", "macro_f1"],
                ),
            )
        )
    f1 = stored_macro_f1(scores)
    items.append(
        (
            f"SmSA test macro-F1 {f1[('smsa', 'test', 'deployed')]:.3f}",
            Prose(
                "(reviews-only {r:.3f}), NusaX test {x:.3f} (published IndoBERT-large on "
                "SmSA: 0.927).",
                r=f1[("smsa", "test", "reviews-only")],
                x=f1[("nusax", "test", "deployed")],
            ),
        )
    )
    goals = "; ".join(
        f"{g} — {m}" for g, m in zip(goal_table["goal"], goal_table["met"])
    )
    items.append(("Goals:", Prose("{g}.", g=goals)))
    return items
