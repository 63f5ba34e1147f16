# Uncaught exception raised with `raise ... from ...`: chained traceback on stderr (expected exit code 1)
class ConfigError(Exception):
    pass
def read_setting(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError(f"missing required setting {key!r}") from e
def read_optional(settings, key, default):
    try:
        return read_setting(settings, key)
    except ConfigError as e:
        print(f"using default for {key}: {default!r} (cause: {e.__cause__!r})")
        return default
def configure(settings):
    debug = read_optional(settings, "debug", False)
    print("debug is", debug)
    port = read_setting(settings, "port")
    print("port is", port)
    host = read_setting(settings, "host")
    print("host is", host)
print("configuring")
configure({"port": 8080})
print("not printed")
