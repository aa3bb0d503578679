"""The similarity image of very long articles: block means without the diagonal."""

import numpy as np

from helpers.plots import topics as topic_plots


def test_block_means_small_matrix_is_unchanged_but_for_the_diagonal():
    values = np.arange(9, dtype=float).reshape(3, 3)
    block, shown = topic_plots._block_means(values)
    assert block == 1
    assert np.isnan(np.diag(shown)).all()
    assert shown[0, 1] == 1 and shown[2, 1] == 7


def test_block_means_average_off_diagonal_cells(monkeypatch):
    monkeypatch.setattr(topic_plots, "MAX_IMAGE_SIDE", 2)
    values = np.arange(25, dtype=float).reshape(5, 5)
    block, shown = topic_plots._block_means(values)
    assert block == 3 and shown.shape == (2, 2)
    # top-left 3 x 3 block without its diagonal (0, 6, 12)
    assert shown[0, 0] == np.mean([1, 2, 5, 7, 10, 11])
    # bottom-right: rows/cols 3-4 (the padding is ignored), diagonal 18 and 24 left out
    assert shown[1, 1] == np.mean([19, 23])
    assert shown[0, 1] == np.mean([3, 4, 8, 9, 13, 14])
