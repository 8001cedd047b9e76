import os

# An alias, not the dated ID the ledger approves: the gateway may redirect it.
DEFAULT_MODEL = os.environ.get("ROUTER_MODEL", "gpt-4o")

def pick(model: str) -> str:
    # gpt-4o-mini is a different model from gpt-4o; only whole tokens match.
    return model or DEFAULT_MODEL
