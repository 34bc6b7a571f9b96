"""The Celery queues, named once (a tiny module: the command line reads it without loading Celery)."""

# What a worker consumes, in the order it polls them (celery_app: queue_order_strategy "priority"):
# crisis-looking scans first, then pages, then bulk scans, then beat's optional sweep rounds.
WORKER_QUEUES = "crisis,pages,messages,sweep"
