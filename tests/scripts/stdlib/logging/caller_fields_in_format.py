# %(filename)s, %(lineno)d, %(funcName)s and %(module)s name the code that logged,
# through logger methods, module functions, stacklevel, subclasses and *args/**kwargs calls.
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s %(filename)s:%(lineno)d %(funcName)s %(module)s: %(message)s")
log = logging.getLogger("app")


def work():
    log.info("in work")
    logging.warning("root warning")
    log.debug("with stacklevel", stacklevel=2)


work()
log.error("top level %d", 1)


class Service:
    def run(self, *args, **kwargs):
        log.critical("service %s %s", args, kwargs)

    def start(self):
        self.run(1, 2, mode="fast")


Service().start()


def helper(msg):
    log.warning(msg, stacklevel=2)


def caller():
    helper("reported at the caller")


caller()
log.log(logging.INFO, "via log()")
