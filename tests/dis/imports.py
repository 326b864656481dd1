import sys
import os.path as osp
from math import sqrt, pi as PI
from . import sibling
from ..pkg import *
