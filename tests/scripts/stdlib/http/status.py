import http
from http import HTTPStatus

print(HTTPStatus.OK, repr(HTTPStatus.OK), HTTPStatus.OK.phrase, HTTPStatus.OK.description)
print(HTTPStatus(404), HTTPStatus(404).name, HTTPStatus.NOT_FOUND == 404, HTTPStatus.NOT_FOUND + 1)
print(HTTPStatus["IM_A_TEAPOT"].phrase, f"{HTTPStatus.CREATED}", "%d" % HTTPStatus.ACCEPTED)
for s in HTTPStatus:
    print(s.value, s.name, s.phrase, repr(s.description))
print(len(HTTPStatus), isinstance(HTTPStatus.OK, int))
try:
    HTTPStatus(999)
except ValueError as e:
    print("ValueError", e)
print(http.HTTPMethod.GET, repr(http.HTTPMethod.POST), http.HTTPMethod.PUT.description, http.HTTPMethod("HEAD"))
print(sorted(HTTPStatus)[:3], HTTPStatus.OK < HTTPStatus.NOT_FOUND)
