"""The scripts' one text folding (issue #18): lower case, đ -> d, diacritics dropped, runs of [a-z0-9] as words."""
import re, unicodedata


def fold(s):
    s = s.lower().replace('đ', 'd')
    s = ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')
    return re.findall(r'[a-z0-9]+', s)
