"""plots.render_svg: deterministic SVG, and dense axes drawn as an embedded image."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plots  # noqa: E402


@pytest.fixture(autouse=True)
def _fixed_svg_ids():
    with matplotlib.rc_context({"svg.hashsalt": "test"}):
        yield
    plt.close("all")


def _scatter(n: int):
    figure, ax = plt.subplots()
    ax.scatter(np.arange(n), np.arange(n) % 7)
    ax.set_title("Skor per paragraf")
    return figure


def test_a_small_figure_stays_vector():
    svg, meta = plots.render_svg(_scatter(10))
    assert "<image" not in svg
    assert meta["alt"].startswith("Skor per paragraf")


def test_a_dense_axes_becomes_one_embedded_image_and_the_figure_is_left_as_it_was():
    figure = _scatter(plots.MAX_VECTOR_MARKS + 1)
    svg, _ = plots.render_svg(figure)
    assert svg.count("<image") == 1
    assert not any(a.get_rasterized() for a in figure.axes[0].collections)
    vector = _scatter(plots.MAX_VECTOR_MARKS + 1)
    buffer = __import__("io").StringIO()
    vector.savefig(buffer, format="svg", metadata={"Date": None})
    assert len(svg) < len(buffer.getvalue()) / 3


def test_dense_axes_counts_marks_of_every_kind():
    limit = 20
    figure, (bars, mesh, line, few) = plt.subplots(1, 4)
    bars.bar(range(limit + 1), 1)  # 21 patches
    mesh.pcolormesh(np.zeros((3, 7)))  # 21 cells
    line.plot(range(limit + 1))  # 21 vertices
    few.scatter(range(limit), range(limit))  # 20 points: at the limit, not over
    assert plots.dense_axes(figure, limit=limit) == [bars, mesh, line]


def test_render_svg_gives_the_same_bytes_twice():
    figure = _scatter(plots.MAX_VECTOR_MARKS + 1)
    assert plots.render_svg(figure)[0] == plots.render_svg(figure)[0]


@pytest.mark.parametrize("horizontal", [False, True])
def test_paragraph_bars_are_one_rectangle_each_up_to_the_limit(horizontal):
    _, ax = plt.subplots()
    plots.paragraph_bars(ax, [3, 1, 2], color="red", horizontal=horizontal, label="n")
    assert len(ax.patches) == 3
    widths = [p.get_height() if horizontal else p.get_width() for p in ax.patches]
    assert widths == [0.8, 0.8, 0.8]  # matplotlib's default bar thickness
    lengths = [p.get_width() if horizontal else p.get_height() for p in ax.patches]
    assert lengths == [3, 1, 2]
    assert ax.get_legend_handles_labels()[1] == ["n"]


@pytest.mark.parametrize("horizontal", [False, True])
def test_paragraph_bars_above_the_limit_are_one_raster_step_patch(horizontal):
    from matplotlib.patches import StepPatch

    n = plots.MAX_VECTOR_BARS + 1
    _, ax = plt.subplots()
    plots.paragraph_bars(
        ax, np.arange(n) % 5, color="red", horizontal=horizontal, label="n"
    )
    (patch,) = ax.patches
    assert isinstance(patch, StepPatch) and patch.get_rasterized()
    assert patch.orientation == ("horizontal" if horizontal else "vertical")
    assert list(patch.get_data().values) == list(np.arange(n) % 5)
    assert ax.get_legend_handles_labels()[1] == ["n"]
