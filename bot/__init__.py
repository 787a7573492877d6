"""guidebot: answers questions about HR outsourcing models from a guide, with verified citations."""
