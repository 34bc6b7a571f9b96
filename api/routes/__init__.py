"""One router per concern; ``api.app`` mounts them all."""
