"""partydocs: find references to Vietnamese Party and state documents in text.

>>> import partydocs
>>> doc = partydocs.extract("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
>>> doc.references[0].code
'05-CT/TW'
"""

from partydocs.annotate import annotate
from partydocs.batch import DocumentResult, extract_many
from partydocs.corpus import Document, citation_graph, documents, write_graph
from partydocs.frames import to_arrow, to_dataframe
from partydocs.html import CleanText, clean_html
from partydocs.models import Anaphor, BodyMention, DateMention, Extraction, Reference, Relation
from partydocs.pipeline import extract
from partydocs.render import display

__all__ = ["Anaphor", "BodyMention", "DateMention", "Extraction", "Reference", "Relation", "extract"]
__all__ += ["CleanText", "DocumentResult", "annotate", "clean_html", "display", "extract_many"]
__all__ += ["to_arrow", "to_dataframe"]
__all__ += ["Document", "citation_graph", "documents", "write_graph"]
__version__ = "0.1.0"
