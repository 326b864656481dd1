# Build a nested report with dataclasses, serialise with json, read it back.
import json
from dataclasses import dataclass, asdict, field
from typing import List


@dataclass
class Task:
    title: str
    done: bool = False
    tags: List[str] = field(default_factory=list)


@dataclass
class Project:
    name: str
    tasks: List[Task] = field(default_factory=list)


p = Project('gyre', [Task('parser', True, ['front']), Task('vm'), Task('stdlib', False, ['json', 're'])])
text = json.dumps(asdict(p), indent=2, sort_keys=True)
print(text)
back = json.loads(text)
print(back['name'], [t['title'] for t in back['tasks'] if not t['done']], json.dumps(back, separators=(',', ':')))
