"""The HTTP edge of stayline: FastAPI routes, Twilio webhooks, the responder's acknowledgement page.

Routes stay thin: validate, call a function from ``workers``, commit, then hand work to the dispatcher.
``create_app(runtime)`` in ``api.app`` builds the application.
"""
