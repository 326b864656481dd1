import a.b as c, d
from ..m import (x as y, z)
from . import *
