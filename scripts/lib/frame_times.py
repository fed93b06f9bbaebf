"""The frame-times file the kiosk writes with --frame-times (one frame a line: process CPU ms, main-thread CPU ms,
main-thread wall ms outside GL rendering, then the draw data: lists, draw calls, vertices, indices, overdraw) and
the percentile the benchmarks report."""


def rows_of(path):
    """The file's frames, each a list of its fields as text."""
    with open(path) as f:
        return [line.split() for line in f if line.strip()]


def pick(values, p):
    """The p-th quantile (0..1) of the values, nearest rank."""
    values = sorted(values)
    return values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))]
