import os
import os.path as osp, sys
from . import sibling
from .. import parent as p
from .pkg.mod import (a, b as c,)
from ... import deep
from collections import *
from ....x import y
import a.b.c
