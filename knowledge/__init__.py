"""The ground floor: the municipality's knowledge base, and what we make of free text."""
