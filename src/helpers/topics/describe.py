"""Prose for notebook 02: each function returns a :class:`helpers.prose.Prose`.

They hold the branching that used to sit in notebook cells."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..prose import Prose, plural
from .selection import NTopicsChoice
from .settings import TOPIC_SETTINGS, TopicSettings


def list_ks(values: Sequence[int]) -> str:
    """``'k = 2, 3 and 4'`` for a list of numbers of topics (``''`` when empty)."""
    values = list(values)
    if not values:
        return ""
    return (
        "k = "
        + ", ".join(map(str, values[:-1]))
        + (" and " if len(values) > 1 else "")
        + str(values[-1])
    )


def describe_error_elbow(summary: pd.DataFrame, *, chosen: int | None = None) -> Prose:
    """One clause on where the reconstruction error drops most (the "elbow").

    An elbow is reported when the largest drop between consecutive k exceeds 1.5 times
    the median drop; with only two k tried there is nothing to read.

    Args:
        summary: from :func:`summarise_scan` (``n_topics``, ``relative_error``), ascending k.
        chosen: the k picked by the stability rule; when the elbow falls on it, the
            clause says so.

    Returns:
        A sentence fragment ending with a full stop.
    """
    drops = -summary["relative_error"].diff().dropna()
    if len(drops) >= 2 and drops.max() > 1.5 * drops.median():
        step = int(summary["n_topics"][drops.idxmax()])
        return Prose(
            "its largest drop comes when going to k = {step}, so error alone would suggest k = {step}"
            + (", the same k as the stability rule." if step == chosen else "."),
            step=step,
        )
    if len(drops) >= 2:
        return Prose(
            "it declines steadily without a clear elbow, so error alone would not pick k."
        )
    return Prose("with only two values tried there is no elbow to read.")


def describe_n_topics(
    summary: pd.DataFrame,
    choice: NTopicsChoice,
    *,
    settings: TopicSettings = TOPIC_SETTINGS,
) -> Prose:
    """The evidence for the number of topics, as a paragraph of prose.

    Says which k were tried, whether the text singles out one k (``choice.identifiable``),
    several (the largest reproducible one is used) or none (``choice.fallback``: the most
    stable k, for description only), and what the reconstruction error alone suggests.

    Args:
        summary: from :func:`summarise_scan` (``n_topics``, ``stability``,
            ``recurrence``, ``relative_error``), ascending k.
        choice: from :func:`n_topics_choice` on the same summary.
        settings: ``min_stability``, ``min_topic_documents``, ``stability_noise`` and
            ``n_seeds`` are quoted.

    Returns:
        A :class:`~helpers.prose.Prose` (numbers only; no Markdown).
    """
    n_topics = choice.n_topics
    chosen_row = summary.set_index("n_topics").loc[n_topics]
    if choice.fallback:
        verdict = (
            f"No k reaches stability {settings.min_stability:.2f} with every topic leading at least "
            f"{settings.min_topic_documents} paragraphs, so k is not identifiable from this "
            f"text: the topics below use the most stable k = {n_topics} (stability {chosen_row['stability']:.2f}) "
            "and describe the vocabulary only; they are not reproducible themes."
        )
    elif choice.identifiable:
        verdict = (
            f"Only k = {n_topics} reaches stability {settings.min_stability:.2f} with every topic leading "
            f"at least {settings.min_topic_documents} paragraphs "
            f"(it has {chosen_row['stability']:.2f}), so the text supports one number of topics."
        )
    else:
        others = [k for k in choice.reproducible if k != n_topics]
        evidence = []
        if others:
            evidence.append(
                f"{list_ks(others)} also {plural(len(others), 'passes', 'pass', with_count=False)}"
            )
        if choice.borderline:
            evidence.append(
                f"{list_ks(choice.borderline)} "
                f"{plural(len(choice.borderline), 'falls', 'fall', with_count=False)} within "
                f"{settings.stability_noise:.2f} below the threshold"
            )
        verdict = (
            f"k = {n_topics} is the largest k with stability of at least {settings.min_stability:.2f} and "
            f"every topic leading at least {settings.min_topic_documents} paragraphs "
            f"(it has {chosen_row['stability']:.2f}; {chosen_row['recurrence']:.0%} of its topics recovered per restart). "
            + "; ".join(evidence)
            + ", so k is not identifiable from this text alone. We show the most detailed "
            "reproducible model; smaller k give coarser, merged versions of these topics."
        )
    elbow = describe_error_elbow(summary, chosen=n_topics)
    lo, hi = int(summary["n_topics"].min()), int(summary["n_topics"].max())
    # The sentence holds numbers only; it is one value, escaped as a whole.
    return Prose(
        "{text}",
        text=(
            f"Tried k = {lo} to {hi} with {settings.n_seeds} random restarts each. {verdict} "
            f"Relative reconstruction error falls from {summary['relative_error'].iloc[0]:.2f} "
            f"at k = {lo} to {summary['relative_error'].iloc[-1]:.2f} at k = {hi}; {elbow}"
        ),
    )


def describe_topic_flow(runs: pd.DataFrame, *, max_runs: int = 12) -> Prose:
    """The dominant-topic runs in article order: ``'paragraphs 1-3: topic 2; paragraph 4: topic 1'``.

    Args:
        runs: from :func:`dominant_runs` (``first_document``, ``last_document``,
            ``n_documents``, ``dominant_topic``; a missing topic is shown as ``-``).
        max_runs: runs listed before the rest are summarised as ``'and N more runs'``.

    Returns:
        A :class:`~helpers.prose.Prose`.
    """
    parts = []
    for run in runs.head(max_runs).itertuples():
        where = (
            f"paragraphs {run.first_document}-{run.last_document}"
            if run.n_documents > 1
            else f"paragraph {run.first_document}"
        )
        parts.append(
            f"{where}: topic {'-' if pd.isna(run.dominant_topic) else run.dominant_topic}"
        )
    more = f"; and {len(runs) - max_runs} more runs" if len(runs) > max_runs else ""
    return Prose("{flow}{more}", flow="; ".join(parts), more=more)


def describe_topic_list(topic_terms: pd.DataFrame) -> Prose:
    """A Markdown list of the topics: label in bold, then their 4th-7th terms.

    Args:
        topic_terms: from :func:`topic_terms` (``topic_id``, ``label``, ``rank``,
            ``term``); one or more topics.

    Returns:
        A :class:`~helpers.prose.Prose` starting "The NMF topics, by their strongest
        terms:".
    """
    lines, values = [], {}
    names = topic_terms.drop_duplicates("topic_id")[["topic_id", "label"]]
    for i, (topic_id, name) in enumerate(names.itertuples(index=False)):
        rest = topic_terms.loc[
            (topic_terms["topic_id"] == topic_id) & topic_terms["rank"].between(4, 7),
            "term",
        ]
        lines.append(f"* **Topic {{t{i}}}: {{name{i}}}**{{rest{i}}}")
        values.update(
            {
                f"t{i}": i + 1,
                f"name{i}": name,
                f"rest{i}": (", then " + ", ".join(rest)) if len(rest) else "",
            }
        )
    return Prose(
        "The NMF topics, by their strongest terms:\n\n" + "\n".join(lines), **values
    )


def describe_topic_takeaways(
    matrix, analysis, *, flow: Prose, settings: TopicSettings = TOPIC_SETTINGS
) -> Prose:
    """The takeaway bullets of notebook 02 on the vocabulary and the topics.

    Args:
        matrix: the topic :class:`~helpers.topics.TermMatrix` (``n_documents``,
            ``n_terms``).
        analysis: from :func:`~helpers.topics.analyse`.
        flow: :func:`describe_topic_flow` of ``analysis.runs`` (unused without topics).
        settings: ``min_stability`` and ``n_seeds`` are quoted.

    Returns:
        A :class:`~helpers.prose.Prose`: Markdown bullets, one per line.
    """
    lines = [
        "* Each paragraph is a document: {n_docs}, {n_terms} topic terms after filtering."
    ]
    values = {
        "n_docs": plural(matrix.n_documents, "paragraph"),
        "n_terms": matrix.n_terms,
    }
    if not analysis.possible:
        lines.append("* No topics: {reason}")
        return Prose("\n".join(lines), **values, reason=analysis.reason)
    choice, k = analysis.choice, analysis.n_topics
    if choice.fallback:
        lines.append(
            "* **No reproducible number of topics** (no k reaches stability {min_stab}); the {k} topics shown "
            "describe the vocabulary only: {names}."
        )
    elif choice.identifiable:
        lines.append(
            "* **{k} topics**, the only k whose topics come back across restarts: {names}."
        )
    else:
        lines.append(
            "* **{k} topics**, the most detailed model still reproducible (stability ≥ {min_stab}); "
            "k is not uniquely identifiable, since {others} also pass: {names}."
        )
    lines += [
        "* Stability: **{stab}** of topic recoveries succeed over {seeds} random restarts; "
        "LDA gives the same dominant topic for {agree} of paragraphs.",
        "* The dominant topic changes {changes} times through the article: {flow}.",
    ]
    values.update(
        k=k,
        names="; ".join(
            f"topic {t}: {n}" for t, n in enumerate(analysis.topic_names, start=1)
        ),
        min_stab=settings.min_stability,
        others=list_ks([c for c in choice.reproducible if c != k]),
        stab=f"{analysis.stability_score:.0%}",
        seeds=settings.n_seeds,
        agree=f"{analysis.agreement:.0%}",
        changes=len(analysis.runs) - 1,
        flow=flow,
    )
    return Prose("\n".join(lines), **values)


def describe_redundancy(
    closest: pd.DataFrame, *, n_redundant: int, n_documents: int, threshold: float
) -> Prose:
    """Whether any pair of paragraphs is redundant (with Markdown emphasis).

    Args:
        closest: from :func:`similar_pairs`, most similar first, not empty
            (``document_a``, ``document_b``, ``similarity``, ``shared_terms``).
        n_redundant: pairs with cosine >= ``threshold``.
        n_documents: documents compared (for the number of pairs).
        threshold: the redundancy cut quoted in the text.

    Returns:
        A :class:`~helpers.prose.Prose`.
    """
    if closest.empty:
        raise ValueError(
            "describe_redundancy needs at least one pair; check that there are two documents."
        )
    n_pairs = n_documents * (n_documents - 1) // 2
    top = closest.iloc[0]
    values = {
        "t": threshold,
        "a": top["document_a"],
        "b": top["document_b"],
        "s": f"{top['similarity']:.2f}",
    }
    if n_redundant == 0:
        values.update(
            none=(
                "the only pair of paragraphs does not reach"
                if n_pairs == 1
                else f"none of the {n_pairs} pairs of paragraphs reaches"
            ),
            shared=top["shared_terms"] or "no terms",
        )
        return Prose(
            "**No redundant pairs:** {none} cosine {t}. The most similar pair, "
            "paragraphs {a} and {b} (cosine {s}), shares *{shared}*: related subject matter, not "
            "repetition.",
            **values,
        )
    values.update(
        k=n_redundant,
        n=n_pairs,
        verb=plural(n_redundant, "reaches", "reach", with_count=False),
        shared=top["shared_terms"],
    )
    return Prose(
        "**{k}** of {n} pairs of paragraphs {verb} cosine {t}. The most similar is paragraphs **{a}** and **{b}** "
        "(cosine {s}), sharing *{shared}*. Check the shared terms: rare words shared by an event and the quote "
        "about it raise the cosine without any sentence being restated.",
        **values,
    )
