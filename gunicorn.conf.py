"""gunicorn settings read from the project folder (gunicorn loads ./gunicorn.conf.py).

The access log, when switched on (``--access-logfile``), records no client address, no
user agent and no query string: reporters are never identified by the platform's logs
(docs/security.md, "Meldingen").
"""

access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
