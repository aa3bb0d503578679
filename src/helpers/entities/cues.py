"""The Indonesian cues the entity rules read: visible word tables, one reason each.

Every table is lower case and matched against a word's lower-case form (a final full
stop removed where it says so). The rules that use them are in :mod:`.candidates`
(finding and splitting names) and :mod:`.kinds` (the kind a mention suggests).
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: Entity kinds, in the order that breaks ties between cues.
KINDS = ("place", "organisation", "group", "person", "other")
#: Columns of ``entities.csv`` (CONTRACT.md), in order.
ENTITY_COLUMNS = [
    "entity",
    "kind",
    "mentions",
    "paragraphs",
    "aliases",
    "first_paragraph",
]
#: Columns :func:`entity_mentions` adds to the input's id columns.
MENTION_COLUMNS = ["entity", "kind", "mention", "start", "end"]

#: Titles and roles (lower case) that precede a person's name and are not part of it.
#: One word each: the second word of a two-word title (wali *kota*, duta *besar*, kuasa
#: *hukum*) is a :data:`TITLE_QUALIFIERS` word, so *Kota Bandung* is no title.
TITLE_WORDS = frozenset(
    """
ceo cto cfo coo founder pendiri presdir komisaris bos
presiden wakil menteri menko menlu mendagri mendikbud menhan juru jubir ketua kepala kanselir
perdana gubernur wagub bupati walikota wali camat lurah pemimpin direktur dirut sekretaris
sekjen jenderal raja ratu pangeran putri sultan paus uskup kardinal imam ustaz ustadz habib kiai
kapolri kapolda kapolres kapolsek kasat kabid kabag panglima kasad kasal kasau komandan danrem
dandim pelatih kapten manajer pebulu pebulutangkis pebalap petenis pesepak pemain striker kiper
penyerang gelandang bek aktor aktris penyanyi pedangdut presenter sutradara produser rapper
dr prof ir drs h hj kh bapak ibu pak bu mr mrs ms sir senator anggota hakim jaksa kajari kajati
kapuspen kabareskrim karopenmas kadiv kabid humas dubes duta konsul pengacara kuasa
tersangka terdakwa terpidana saksi korban menpora menkeu menkes menag mensos menristekdikti
kompol akbp kombes irjen brigjen ipda iptu aiptu bripka briptu akp letkol kolonel mayor mayjen
letjen laksamana marsekal kopral sersan
""".split()
)
#: Words that may follow a title word and still be part of the title
#: (``Menteri Luar Negeri``, ``Juru Bicara``, ``Sekretaris Jenderal``).
TITLE_QUALIFIERS = frozenset(
    """
luar dalam negeri bicara besar umum jenderal muda utama agung tinggi kota menteri presiden
eksekutif pelaksana harian negara bidang divisi humas tertinggi hukum
""".split()
)
#: Club words: the club's name follows (``Real Madrid``), not a portfolio.
CLUB_WORDS = frozenset(
    {"real", "atletico", "inter", "sporting", "olympique", "borussia"}
)
#: First words of organisation names (lower case).
ORGANISATION_WORDS = (
    frozenset(
        """
partai badan komisi kementerian kemenkes kemenlu kemendagri dewan majelis mahkamah pengadilan
kejaksaan kepolisian polda polres polsek polresta polrestabes polri universitas institut
sekolah bank pt cv perusahaan persatuan perserikatan asosiasi federasi himpunan ikatan
lembaga yayasan organisasi koalisi front gerakan tentara angkatan pasukan kodam korem kodim
komite kantor direktorat dinas biro pemerintah pemprov pemkot pemkab kedutaan konsulat
klub timnas tim persatuan liga serikat kongres parlemen senat kabinet fraksi balai
""".split()
    )
    | CLUB_WORDS
)
#: First words of place names (lower case); ``taman nasional`` is matched as a phrase.
PLACE_WORDS = frozenset(
    """
kabupaten kota provinsi desa kecamatan kelurahan kampung dusun danau gunung sungai pulau
kepulauan selat teluk laut samudra samudera pantai semenanjung jalan jl bandara pelabuhan
stadion bandar gedung istana masjid gereja pura candi lapangan alun-alun taman hutan lembah bukit
tanjung kawasan wilayah jazirah benua negara negeri
""".split()
)
#: Administrative units among the place words: each opens a place of its own, so a
#: chain (``Desa Banaran Kecamatan Pulung Kabupaten Ponorogo``) is one place per unit.
ADMIN_PLACE_WORDS = frozenset(
    "kabupaten kota provinsi propinsi desa kecamatan kelurahan kampung dusun nagari".split()
)
#: Words that go on naming a place after its first word (``Halmahera Timur``, ``Musi
#: Ilir``): compass points and up- or downstream.
PLACE_QUALIFIERS = frozenset(
    "utara selatan timur barat tengah tenggara daya laut raya hulu hilir ilir ulu".split()
)
#: Titles of an office over a territory, named right after the title (``Bupati
#: Banyuwangi Azwar Anas``, ``Kapolres Ende AKBP ...``).
TERRITORIAL_TITLES = frozenset(
    """
bupati wabup gubernur wagub walikota wali camat lurah kades kapolda kapolres kapolresta
kapolrestabes kapolsek danrem dandim pangdam kajari kajati
""".split()
)
#: Roles in a body or a team: a run after one that splits in two is the body, then the
#: person (``bos Bigo Live David Li``, ``pelatih Timnas Luis Milla``).
RELATIONAL_ROLES = frozenset(
    """
bos ceo pendiri founder pemilik direktur dirut presdir ketua kepala wakil anggota juru
jubir pemain pelatih kapten manajer striker kiper penyerang gelandang bek pebalap
""".split()
)
#: Lower-case words right before a name that make it a people or group.
GROUP_CUES = frozenset(
    """
etnis suku bangsa kaum umat warga pengungsi minoritas muslim komunitas kelompok milisi
militan gerilyawan separatis pemberontak
""".split()
)
#: Verbs and prepositions right before a name that make it a person.
PERSON_BEFORE = frozenset(
    """
kata ujar ucap tutur jelas ungkap tegas imbuh tambah lanjut menurut sebut papar terang
pungkas kata-nya sapa
""".split()
)
#: Lower-case roles right before a name that make it a person (``produser Kim Min-jong``,
#: ``komposer Don Spike``, ``pak Jokowi``). Roles in a body or a team are not here
#: (``pemain``, ``pelatih``, ``ketua``, ``bos``, ``direktur``): what follows them is as
#: often the body as the person (``pemain Persib``, ``bos Bigo Live David Li``).
PERSON_ROLES = frozenset(
    """
presiden menteri gubernur bupati walikota camat lurah kanselir senator hakim jaksa pengacara
tersangka terdakwa terpidana saksi jubir sultan paus ustaz ustadz kiai habib
aktor aktris penyanyi pedangdut komposer musisi rapper presenter sutradara produser penulis
pebulutangkis petenis pesepakbola pegolf perenang
pak bu bapak ibu mr mrs ms
""".split()
)
#: Verbs right after a name that make it a person.
PERSON_AFTER = frozenset(
    """
mengatakan menyatakan menjelaskan menegaskan mengungkapkan menuturkan berkata mengaku
menyebut menambahkan mengucapkan bertanya menjawab tersenyum meninggal lahir
menyampaikan menerangkan memaparkan menyebutkan membantah mengakui berujar bercerita berharap
""".split()
)
#: Lower-case particles allowed inside a name (``Osama bin Laden``, ``Van der Sar``).
NAME_PARTICLES = frozenset(
    {"bin", "binti", "van", "von", "der", "den", "de", "da", "del", "dos", "al", "el"}
)
#: Last words that make a name an organisation (``Daewoo Shipbuilding Co Ltd``).
ORGANISATION_SUFFIXES = frozenset(
    "ltd co inc corp tbk group fc united airlines airways air institute foundation "
    "entertainment studio studios media music records pictures".split()
)
#: Last words that make a name a place (``SK Handball Stadium``, ``Thamrin City``).
PLACE_SUFFIXES = frozenset(
    "stadium stadion arena hall city center centre airport hotel mall plaza square park".split()
)
#: Words that open a reference to a law or its parts, not a name (``UU KPK`` is KPK).
LEGAL_PREFIXES = frozenset(
    "uu ruu perppu perpres permen perda pasal ayat undang-undang".split()
)
#: Capitalised words that are never a name on their own: days and months.
DATE_WORDS = frozenset(
    "senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei "
    "juni juli agustus september oktober november desember".split()
)

#: Capitalised abbreviations that end or open a reference, never a name (``Perkara No. 12``).
REFERENCE_WORDS = frozenset("no nomor nmr hlm hal tel telp ext".split())

_WORD = r"[A-ZÀ-Þ][\w’']*(?:-[\w’']+)*"
_INITIAL = r"[A-Z]\.(?:\s?[A-Z]\.)*"
_NAME_RUN = re.compile(
    rf"(?:{_INITIAL}\s)?{_WORD}(?:(?:\s(?:{'|'.join(sorted(NAME_PARTICLES))}|&))?\s(?:{_INITIAL}\s)?{_WORD})*"
)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?…:;]['\"”’)\]]*|[\"“‘'(\[])\s*$")
_WORD_BEFORE = re.compile(r"([\w-]+)[,\s]*$")
_WORD_AFTER = re.compile(r"^[,\s]*([\w-]+)")


class Mention(NamedTuple):
    """One name as written: ``text[start:end] == mention``; ``cue`` is the kind its
    context suggests (one of :data:`KINDS`, or ``""`` when none)."""

    start: int
    end: int
    mention: str
    cue: str
