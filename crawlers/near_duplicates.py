"""Near-duplicate stories: the same article republished on several sites (or twice on one) with small
edits. Each body gets a MinHash signature over word 4-grams; an LSH index finds earlier bodies whose
estimated Jaccard similarity passes the threshold, and the new copy is linked to the closest one."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64  # signature length: 64 permutations estimate Jaccard to about ±0.06, plenty at a 0.7 cut
SCHEME = "affine32"  # stored signatures are read back with the scheme that made them
SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


class NearDuplicateIndex:
    """Signatures of the bodies seen so far, keyed by URL."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def add(self, url: str, minhash: MinHash) -> None:
        if url not in self.signatures:
            self.lsh.insert(url, minhash)
            self.signatures[url] = minhash

    def add_values(self, url: str, values: list[int]) -> None:
        self.add(url, MinHash(num_perm=NUM_PERM, hashvalues=np.array(values, dtype=np.uint64), scheme=SCHEME))

    def closest(self, url: str, minhash: MinHash) -> str | None:
        """The URL of the most similar earlier body over the threshold, other than ``url`` itself."""
        best, best_score = None, self.threshold
        for other in self.lsh.query(minhash):
            if other == url:
                continue
            score = minhash.jaccard(self.signatures[other])
            if score >= best_score:
                best, best_score = other, score
        return best
