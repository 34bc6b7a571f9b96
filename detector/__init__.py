"""Crisis-signal detection: ``Detector().assess(text)`` -> ``Assessment``."""

from detector.pipeline import Detector
from detector.signals import Assessment, Category, ConversationState, Modifier, RiskLevel, Signal, SignalKind

__all__ = [
    "Assessment",
    "Category",
    "ConversationState",
    "Detector",
    "Modifier",
    "RiskLevel",
    "Signal",
    "SignalKind",
]
