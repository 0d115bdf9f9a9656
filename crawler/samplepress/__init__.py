"""The local sample press: imaginary Vietnamese provincial newspapers served on 127.0.0.1.

``with SamplePress() as press:`` starts every paper on its own port; ``expected_articles(press)`` is the
ground truth of what the crawler must extract; ``python -m crawler.samplepress`` serves in the foreground.
"""

from .content import load_papers
from .server import SamplePress, expected_articles

__all__ = ["SamplePress", "expected_articles", "load_papers"]
