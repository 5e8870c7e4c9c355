// Text helpers for search: accent folding, word splitting, stop words,
// stemmer choice, edit distance.
#include "search/search_internal.h"
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Accent folding
// ---------------------------------------------------------------------------

// Base letters of U+00C0..U+00FF after lower-casing; '*' = several letters.
static const char kLatin1Base[] = "aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
// Base letters of U+0100..U+017F (Latin Extended-A); '*' = several letters.
static const char kLatinExtABase[] =
    "aaaaaacccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "**" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "**" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu"
    "ww" "yyy" "zzzzzz" "s";
static_assert(sizeof(kLatin1Base) == 64 + 1, "one entry per code point");
static_assert(sizeof(kLatinExtABase) == 128 + 1, "one entry per code point");

static void AppendFolded(unsigned code_point, std::string* out)
{
    code_point = Xapian::Unicode::tolower(code_point);
    if (code_point >= 0x300 && code_point <= 0x36F)
        return;   // combining accents: "e" + U+0301 (decomposed input) folds like "é"
    if (code_point < 0x80) {
        out->push_back(static_cast<char>(code_point));
        return;
    }
    char base = 0;
    if (code_point >= 0xC0 && code_point <= 0xFF)
        base = kLatin1Base[code_point - 0xC0];
    else if (code_point >= 0x100 && code_point <= 0x17F)
        base = kLatinExtABase[code_point - 0x100];
    if (base != 0 && base != '*') {
        out->push_back(base);
        return;
    }
    switch (code_point) {
    case 0xE6: case 0xC6: out->append("ae"); return;
    case 0xDF: out->append("ss"); return;
    case 0xFE: case 0xDE: out->append("th"); return;
    case 0x133: case 0x132: out->append("ij"); return;
    case 0x153: case 0x152: out->append("oe"); return;
    case 0xD7: case 0xF7: break;                    // x and division signs: not letters
    case 0x2018: case 0x2019: out->push_back('\''); return;   // typographic apostrophes
    default: break;
    }
    Xapian::Unicode::append_utf8(*out, code_point);
}

// Xapian's answers for ASCII, asked once: most text is ASCII, and decoding
// each byte through Utf8Iterator and the Unicode tables is most of the cost
// of splitting a page into words.
struct AsciiTable {
    bool word[0x80];
    char lower[0x80];
    AsciiTable()
    {
        for (unsigned c = 0; c < 0x80; c++) {
            word[c] = Xapian::Unicode::is_wordchar(c);
            lower[c] = static_cast<char>(Xapian::Unicode::tolower(c));
        }
    }
};

static const AsciiTable& Ascii()
{
    static const AsciiTable table;
    return table;
}

// The character at byte `at` and its length in bytes, decoded as
// Utf8Iterator decodes it (an invalid byte is a character of its own).
static unsigned CharAt(const std::string& text, size_t at, size_t* length)
{
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
        *length = 1;
        return byte;
    }
    Xapian::Utf8Iterator it;
    it.assign(text.data() + at, text.size() - at);
    const unsigned code_point = *it;
    ++it;
    *length = static_cast<size_t>(it.raw() - (text.data() + at));
    return code_point;
}

std::string FoldForSearch(const std::string& text)
{
    const AsciiTable& ascii = Ascii();
    std::string folded;
    folded.reserve(text.size());
    size_t length = 0;
    for (size_t at = 0; at < text.size(); at += length) {
        const unsigned code_point = CharAt(text, at, &length);
        if (code_point < 0x80)
            folded.push_back(ascii.lower[code_point]);
        else
            AppendFolded(code_point, &folded);
    }
    return folded;
}

// ---------------------------------------------------------------------------
// [SECTION] Words
// ---------------------------------------------------------------------------

namespace search_detail {

static bool IsApostrophe(unsigned code_point)
{
    return code_point == '\'' || code_point == 0x2019;
}

static bool IsWordChar(unsigned code_point)
{
    return code_point < 0x80 ? Ascii().word[code_point] : Xapian::Unicode::is_wordchar(code_point);
}

std::vector<Word> SplitWords(const std::string& text)
{
    std::vector<Word> words;
    size_t at = 0, length = 0;
    while (at < text.size()) {
        if (!IsWordChar(CharAt(text, at, &length))) {
            at += length;
            continue;
        }
        Word word;
        word.begin = static_cast<int>(at);
        std::string raw;
        while (at < text.size()) {
            const unsigned code_point = CharAt(text, at, &length);
            if (IsWordChar(code_point)) {
                if (code_point < 0x80)
                    raw.push_back(static_cast<char>(code_point));
                else
                    Xapian::Unicode::append_utf8(raw, code_point);
                at += length;
                continue;
            }
            // An apostrophe counts only between two word characters ("don't").
            if (!IsApostrophe(code_point))
                break;
            const size_t next = at + length;
            if (next == text.size() || !IsWordChar(CharAt(text, next, &length)))
                break;
            raw.push_back('\'');
            at = next;
        }
        word.end = static_cast<int>(at);
        word.folded = FoldForSearch(raw);
        words.push_back(std::move(word));
    }
    return words;
}

std::string PrimaryLanguage(const std::string& lang)
{
    return lang.substr(0, lang.find('-'));
}

std::string SpanishSound(const std::string& word)
{
    auto at = [&word](size_t i) { return i < word.size() ? word[i] : '\0'; };
    auto front_vowel = [](char c) { return c == 'e' || c == 'i'; };
    std::string sound;
    for (size_t i = 0; i < word.size(); i++) {
        char c = word[i];
        if (c == 'h')
            continue;   // silent; "ch" is taken with its c
        if (c == 'c') {
            if (at(i + 1) == 'h') {
                c = 'C';
                i++;
            } else {
                c = front_vowel(at(i + 1)) ? 's' : 'k';
            }
        } else if (c == 'q') {
            c = 'k';
            if (at(i + 1) == 'u' && front_vowel(at(i + 2)))
                i++;
        } else if (c == 'g') {
            if (front_vowel(at(i + 1)))
                c = 'j';
            else if (at(i + 1) == 'u' && front_vowel(at(i + 2)))
                i++;
        } else if (c == 'l' && at(i + 1) == 'l') {
            c = 'y';
            i++;
        } else if (c == 'v') {
            c = 'b';
        } else if (c == 'z') {
            c = 's';
        } else if (c == 'm' && (at(i + 1) == 'b' || at(i + 1) == 'p' || at(i + 1) == 'v')) {
            c = 'n';
        }
        if (sound.empty() || sound.back() != c)
            sound += c;
    }
    return sound;
}

// Spanish verbs whose stem vowel changes where it is stressed: "doler" and
// "duele", "pedir" and "pide", "dormir" and "durmiendo". The Spanish stemmer
// keeps "dol" and "duel" apart, so "me duelen" would not meet "puede doler".
// Each line is one verb: its infinitive, then a form for each other stem,
// folded. Verbs whose changed or plain stem is also a common word of another
// meaning are left out: "suele" (soler) would be "sol", the sun; "cuenta"
// (contar) is a bill; "viste" (vestir) is "you saw"; "frie" (freir) is "frio".
static const char* const kSpanishStemChanges[] = {
    "acordar acuerda", "acostar acuesta", "almorzar almuerza", "aprobar aprueba",
    "comprobar comprueba", "costar cuesta", "demostrar demuestra", "devolver devuelve",
    "doler duele", "dormir duerme durmio durmiendo", "encontrar encuentra", "forzar fuerza",
    "morder muerde", "mostrar muestra", "mover mueve", "probar prueba", "recordar recuerda",
    "remover remueve", "renovar renueva", "resolver resuelve", "volar vuela", "volver vuelve",
    "advertir advierte advirtio advirtiendo", "apretar aprieta", "atender atiende",
    "calentar calienta", "cerrar cierra", "comenzar comienza",
    "consentir consiente consintio consintiendo", "contener contiene", "convenir conviene",
    "convertir convierte convirtio convirtiendo", "defender defiende", "despertar despierta",
    "empezar empieza", "encender enciende", "entender entiende", "extender extiende",
    "mantener mantiene", "obtener obtiene", "pensar piensa", "perder pierde",
    "preferir prefiere prefirio prefiriendo", "prevenir previene previnio previniendo",
    "recomendar recomienda", "referir refiere refirio refiriendo",
    "requerir requiere requirio requiriendo", "retener retiene", "sentir siente sintio sintiendo",
    "sostener sostiene", "sugerir sugiere sugirio sugiriendo",
    "conseguir consigue consiguio consiguiendo", "corregir corrige corrigio corrigiendo",
    "despedir despide despidio despidiendo", "elegir elige eligio eligiendo",
    "impedir impide impidio impidiendo", "medir mide midio midiendo", "pedir pide pidio pidiendo",
    "repetir repite repitio repitiendo", "seguir sigue siguio siguiendo",
    "servir sirve sirvio sirviendo",
};

std::vector<std::vector<std::string>> SpanishStemChanges()
{
    std::vector<std::vector<std::string>> verbs;
    for (const char* line : kSpanishStemChanges) {
        std::vector<std::string> forms;
        std::istringstream words(line);
        for (std::string form; words >> form;)
            forms.push_back(form);
        verbs.push_back(std::move(forms));
    }
    return verbs;
}

std::vector<std::string> SpanishDiminutiveBases(const std::string& word)
{
    // -cito after a word ending in e or a consonant ("cafecito"), -ito
    // replacing the last vowel ("granito", "manchita"); qu and gu go back to
    // c and g ("poquito" -> "poco"). -illo is left out: "pastilla" is no
    // small "pasta".
    static const std::pair<const char*, const char*> kEndings[] = {
        {"citos", "s"}, {"citas", "s"}, {"cito", ""}, {"cita", ""},
        {"itos", "os"}, {"itas", "as"}, {"ito", "o"}, {"ita", "a"},
    };
    std::vector<std::string> bases;
    for (const auto& [ending, replacement] : kEndings) {
        const size_t length = std::char_traits<char>::length(ending);
        if (word.size() < length + 3 || word.compare(word.size() - length, length, ending) != 0)
            continue;
        std::string base = word.substr(0, word.size() - length);
        const size_t n = base.size();
        if (n > 2 && base[n - 1] == 'u' && (base[n - 2] == 'q' || base[n - 2] == 'g'))
            base = base.substr(0, n - 2) + (base[n - 2] == 'q' ? "c" : "g");
        bases.push_back(base + replacement);
    }
    return bases;
}

// ---------------------------------------------------------------------------
// [SECTION] Stop words
// ---------------------------------------------------------------------------

// Words that say nothing about the topic of a question. Kept short on
// purpose: "long", "after", "before" and "again" carry meaning here.
static const char* const kEnglishStopWords[] = {
    "a", "about", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "did", "do", "does", "doing", "done", "for", "from", "get", "got", "had",
    "has", "have", "having", "he", "hello", "her", "hi", "his", "how", "i", "i'd", "i'll", "i'm",
    "i've", "if", "im", "in", "into", "is", "it", "it's", "its", "just", "may", "me", "might",
    "much", "must", "my", "of", "ok", "okay", "on", "or", "our", "please", "really", "she",
    "should", "so", "some", "thank", "thanks", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "us", "very", "was", "we", "were", "what", "what's",
    "whats", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
    // Generic verbs, sizes and times: in a patient's question they qualify
    // the topic rather than name it ("can I put on foundation tomorrow").
    "big", "bigger", "go", "goes", "going", "know", "large", "like", "little", "lot", "lots",
    "now", "put", "small", "smaller", "soon", "today", "tomorrow", "tonight", "use", "using",
    "want", "went",
    "gets", "getting", "gotten", "knew", "knowing", "knows", "likes", "puts", "putting", "used",
    "uses", "wanted", "wanting", "wants",
    // Filler of spoken questions: emphasis, vague nouns and particles.
    "able", "actually", "again", "allowed", "another", "anything", "anyone", "back", "bit",
    "definitely", "even", "ever", "guess", "lot", "need", "needs", "okay", "probably", "quite",
    "something", "someone", "still", "stuff", "sure", "thing", "things", "too", "way", "wondering",
    "yet",
    // How much, not what: "will it sting really badly" asks about stinging.
    "awfully", "badly", "extremely", "horribly", "super", "terribly", "totally",
};
static const char* const kSpanishStopWords[] = {
    "a", "al", "algo", "como", "con", "cual", "cuales", "cuando", "cuanta", "cuantas", "cuanto",
    "cuantos", "de", "debo", "del", "e", "el", "ella", "en", "es", "esta", "este", "esto",
    "estoy", "hay", "hola", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi", "mis",
    "muy", "nos", "o", "para", "pero", "por", "puede", "pueden", "puedo", "que", "se", "si",
    "son", "su", "sus", "te", "tengo", "tiene", "tu", "tus", "u", "un", "una", "unas", "unos",
    "usted", "va", "voy", "y", "ya", "yo",
    // As in English: wanting, needing and being able qualify the topic
    // ("necesito saber si puedo ducharme"), and so do spoken fillers.
    "alguien", "bueno", "buenas", "buenos", "cosa", "cosas", "favor", "gracias", "ir", "mucha", "mucho",
    "muchas", "muchos", "necesita", "necesito", "podre", "podria", "poder", "puedes", "quiere", "quiero",
    "quisiera", "saber", "tambien", "tanto", "todavia", "vamos", "van",
    // Doing, having, being and being able, in the forms a patient types:
    // "me lo podeis hacer", "tengo que estar", "que hago".
    "hacer", "hago", "hace", "haces", "hacen", "hacemos", "haceis", "hacerme", "hacerse", "hacerlo",
    "hacerla", "hacerlos", "hacermelo", "hecho", "hice", "hizo", "haga", "hagan", "hara", "haria",
    "tener", "tienes", "tenemos", "teneis", "tienen", "tenga", "tengan", "tendre", "tendria", "tuve",
    "estar", "estamos", "estais", "estan", "estare", "estaria", "estuve",
    "ser", "soy", "eres", "sea", "sean", "seria", "sere", "fue", "era",
    "podeis", "podemos", "pueda", "puedan", "pudo", "podrias", "podriais", "podrian", "podran",
    "haber", "he", "has", "ha", "han", "hemos", "habia", "habra",
    // Giving, as English "get": "me da miedo" asks about fear, and "dan"
    // is no "dañar". Lay phrases with it ("dar el pecho") still match.
    "dar", "doy", "das", "da", "damos", "dais", "dan", "dio", "dieron", "dado", "darme", "darle",
    // Pointing and emphasis: "que es exactamente eso del microneedling".
    "aqui", "alli", "aquel", "aquello", "bastante", "esa", "esas", "ese", "eso", "esos", "estas",
    "estos", "exactamente", "realmente", "super", "tan", "uno", "sale", "salen", "salido", "salio",
};

const std::set<std::string>& StopWords(const std::string& lang)
{
    static const std::set<std::string> english(std::begin(kEnglishStopWords), std::end(kEnglishStopWords));
    static const std::set<std::string> spanish(std::begin(kSpanishStopWords), std::end(kSpanishStopWords));
    static const std::set<std::string> none;
    const std::string primary = PrimaryLanguage(lang);
    return primary == "en" ? english : primary == "es" ? spanish : none;
}

bool IsStopWord(const std::string& lang, const std::string& folded_word)
{
    return StopWords(lang).count(folded_word) != 0;
}

// Words of a question that say when or where, not what (planner:
// ConceptWeight). When: the content may write "after" everywhere and
// "afterwards" once; a patient's choice between them says nothing about
// the topic.
static const char* const kEnglishTimeRelations[] = {
    "after", "afterward", "afterwards", "before", "beforehand", "during", "following", "later",
    "post", "pre", "prior", "till", "until",
};
static const char* const kSpanishTimeRelations[] = {
    "antes", "despues", "durante", "hasta", "luego", "mientras", "posterior", "posteriormente",
    "previamente", "previo", "tras",
};

// Parts of the body: in "red face", "swollen eyes", "sore jaw" the symptom
// is the topic and the body part where it is. The content may name the
// face in every answer or in one; either way it says little about which
// answer a symptom needs.
static const char* const kEnglishBodyWords[] = {
    "arm", "arms", "belly", "body", "bottom", "breast", "breasts", "cheek", "cheeks", "chest",
    "chin", "ear", "ears", "eye", "eyelid", "eyelids", "eyes", "face", "feet", "finger", "fingers",
    "foot", "forehead", "gum", "gums", "hand", "hands", "head", "jaw", "knee", "knees", "leg",
    "legs", "lip", "lips", "mouth", "neck", "nose", "scalp", "shoulder", "shoulders", "skin",
    "stomach", "teeth", "throat", "tongue", "tooth", "tummy",
};
static const char* const kSpanishBodyWords[] = {
    "axila", "axilas", "barbilla", "barriga", "boca", "brazo", "brazos", "cabeza", "cara", "cuello",
    "cuerpo", "dedo", "dedos", "diente", "dientes", "encia", "encias", "espalda", "estomago",
    "frente", "garganta", "hombro", "hombros", "ingle", "labio", "labios", "lengua", "mandibula",
    "mano", "manos", "mejilla", "mejillas", "nariz", "ojo", "ojos", "oreja", "orejas", "parpado",
    "parpados", "pecho", "pie", "pierna", "piernas", "pies", "piel", "rodilla", "rodillas",
    "rostro", "tripa", "vientre",
};

const std::vector<std::string>& ContextWords(const std::string& lang, ContextKind kind)
{
    static const std::vector<std::string> lists[2][2] = {
        {{std::begin(kEnglishTimeRelations), std::end(kEnglishTimeRelations)},
         {std::begin(kSpanishTimeRelations), std::end(kSpanishTimeRelations)}},
        {{std::begin(kEnglishBodyWords), std::end(kEnglishBodyWords)},
         {std::begin(kSpanishBodyWords), std::end(kSpanishBodyWords)}},
    };
    static const std::vector<std::string> none;
    const std::string primary = PrimaryLanguage(lang);
    const int k = kind == ContextKind::TimeRelation ? 0 : 1;
    return primary == "en" ? lists[k][0] : primary == "es" ? lists[k][1] : none;
}

// A worried patient ends a question with "is that normal?", "is it a
// problem?", "is this safe?": the frame asks for reassurance about the
// topic and names none. Such a word counts only when it follows "is it",
// "is that", "be a" and the like; "safe" on its own ("is it safe") stays a
// topic. Spanish: "¿es normal?", "¿es peligroso?".
static const char* const kEnglishFrameWords[] = {
    "normal", "ok", "okay", "alright", "fine", "safe", "bad", "problem", "dangerous", "serious",
    "worrying", "wrong", "possible", "common", "usual", "expected", "matter", "concern", "worry",
};
static const char* const kEnglishFrameLeads[] = {"is", "it", "that", "this", "be", "a", "it's", "thats", "that's", "its"};
static const char* const kSpanishFrameWords[] = {
    "normal", "malo", "grave", "peligroso", "seguro", "problema", "preocupante", "habitual", "posible", "importa",
};
static const char* const kSpanishFrameLeads[] = {"es", "esto", "eso", "sea", "un", "algun"};

// "last year", "next week", "this morning", "la semana pasada", "esta
// noche": when a question happens, not what it is about ("i was on
// roaccutane last year"). "how long does it last" keeps "last".
static const char* const kTimeUnits[] = {
    "year", "years", "month", "months", "week", "weeks", "weekend", "night", "morning",
    "afternoon", "evening", "summer", "winter", "time",
    "ano", "mes", "semana", "noche", "manana", "tarde", "verano", "invierno", "vez",
};
static const char* const kTimeLeads[] = {   // before the unit
    "last", "next", "past", "coming", "this", "esta", "este", "proximo", "proxima",
};
static const char* const kTimeTrails[] = {  // after it: "la semana pasada"
    "pasado", "pasada", "proximo", "proxima",
};

static bool IsTimeReference(const std::vector<Word>& words, size_t i)
{
    static const std::set<std::string> units(std::begin(kTimeUnits), std::end(kTimeUnits));
    static const std::set<std::string> leads(std::begin(kTimeLeads), std::end(kTimeLeads));
    static const std::set<std::string> trails(std::begin(kTimeTrails), std::end(kTimeTrails));
    const std::string& word = words[i].folded;
    const std::string& previous = i > 0 ? words[i - 1].folded : std::string();
    const std::string& next = i + 1 < words.size() ? words[i + 1].folded : std::string();
    if (units.count(word))
        return leads.count(previous) != 0 || trails.count(next) != 0;
    return (leads.count(word) != 0 && units.count(next) != 0) || (trails.count(word) != 0 && units.count(previous) != 0);
}

const std::set<std::string>& FrameWords(const std::string& lang)
{
    static const std::set<std::string> english(std::begin(kEnglishFrameWords), std::end(kEnglishFrameWords));
    static const std::set<std::string> spanish(std::begin(kSpanishFrameWords), std::end(kSpanishFrameWords));
    static const std::set<std::string> none;
    const std::string primary = PrimaryLanguage(lang);
    return primary == "en" ? english : primary == "es" ? spanish : none;
}

bool IsFrameWord(const std::string& lang, const std::vector<Word>& words, size_t i)
{
    static const std::set<std::string> english_leads(std::begin(kEnglishFrameLeads), std::end(kEnglishFrameLeads));
    static const std::set<std::string> spanish_leads(std::begin(kSpanishFrameLeads), std::end(kSpanishFrameLeads));
    const std::string primary = PrimaryLanguage(lang);
    const std::set<std::string>* frame = &FrameWords(lang);
    const std::set<std::string>* leads = primary == "en" ? &english_leads : &spanish_leads;
    if (frame->empty())
        return false;
    if (IsTimeReference(words, i))
        return true;
    if (i == 0)
        return false;
    // "what happens if I pick it": the question is about what follows "if".
    const std::string& next = i + 1 < words.size() ? words[i + 1].folded : std::string();
    if (primary == "en" && (words[i].folded == "happens" || words[i].folded == "happen") &&
        (next == "if" || next == "when"))
        return true;
    if (primary == "es" && (words[i].folded == "pasa" || words[i].folded == "ocurre") && next == "si")
        return true;
    if (!frame->count(words[i].folded))
        return false;
    return leads->count(words[i - 1].folded) != 0;
}

// A patient asking "who does it" wants the question that asks who, not one
// that names the same topic and asks when. "How many days" asks how long, as
// "how much time" does. Spanish "cuanto" covers both "how much" and "how
// long", as patients use it.
static const char* const kEnglishQuestionWords[] = {"who", "when", "where", "why", "which", "what", "how"};
static const char* const kEnglishHowWhat[] = {"long", "much", "many", "often", "soon", "far"};
static const char* const kEnglishDurations[] = {
    "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks", "month", "months",
    "year", "years", "time",
};
static const std::pair<const char*, const char*> kSpanishQuestionWords[] = {
    {"quien", "quien"}, {"quienes", "quien"}, {"cuando", "cuando"}, {"donde", "donde"}, {"cual", "cual"},
    {"cuales", "cual"}, {"que", "que"}, {"como", "como"}, {"cuanto", "cuanto"}, {"cuanta", "cuanto"},
    {"cuantos", "cuanto"}, {"cuantas", "cuanto"},
};

std::vector<std::string> QuestionWords(const std::string& lang, const std::vector<Word>& words)
{
    static const std::set<std::string> english(std::begin(kEnglishQuestionWords), std::end(kEnglishQuestionWords));
    static const std::set<std::string> how_what(std::begin(kEnglishHowWhat), std::end(kEnglishHowWhat));
    static const std::set<std::string> durations(std::begin(kEnglishDurations), std::end(kEnglishDurations));
    static const std::map<std::string, std::string> spanish(std::begin(kSpanishQuestionWords),
                                                            std::end(kSpanishQuestionWords));
    static const std::set<std::string> spanish_leads = {"a", "con", "de", "en", "para", "por", "sin", "y", "o", "pero"};
    const std::string primary = PrimaryLanguage(lang);
    std::vector<std::string> asked;
    for (size_t i = 0; i < words.size(); i++) {
        const std::string& word = words[i].folded;
        if (primary == "en" && english.count(word)) {
            const std::string next = word == "how" && i + 1 < words.size() ? words[i + 1].folded : std::string();
            const bool counted = (next == "many" || next == "much") && i + 2 < words.size() &&
                                 durations.count(words[i + 2].folded);
            asked.push_back(counted ? "how long" : how_what.count(next) ? word + " " + next : word);
        } else if (primary == "es") {
            // "que" asks what only where a question starts or after a
            // preposition ("de que", "por que"); elsewhere it is the "que"
            // of "tengo que", "hay que", "lo que".
            if (word == "que" && i > 0 && !spanish_leads.count(words[i - 1].folded))
                continue;
            if (auto it = spanish.find(word); it != spanish.end())
                asked.push_back(it->second);
        }
    }
    return asked;
}

// ---------------------------------------------------------------------------
// [SECTION] Stemmer
// ---------------------------------------------------------------------------

Xapian::Stem StemmerFor(const std::string& lang, bool* found)
{
    std::string primary = PrimaryLanguage(lang);
    for (char& c : primary)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    *found = false;
    if (primary.empty())
        return Xapian::Stem();
    try {
        Xapian::Stem stem(primary);   // Xapian takes ISO 639 codes as well as names
        *found = true;
        return stem;
    } catch (const Xapian::Error&) {
        return Xapian::Stem();
    }
}

// ---------------------------------------------------------------------------
// [SECTION] Edit distance
// ---------------------------------------------------------------------------

int EditDistance(const std::string& a, const std::string& b, int limit, bool to_prefix)
{
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    if (to_prefix ? m < n - limit : std::abs(n - m) > limit)
        return limit + 1;
    // Three rows: Damerau's transposition needs the row before the previous.
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (int j = 0; j <= m; j++)
        previous[j] = j;
    for (int i = 1; i <= n; i++) {
        current[0] = i;
        int row_best = current[0];
        for (int j = 1; j <= m; j++) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                value = std::min(value, before[j - 2] + 1);
            current[j] = value;
            row_best = std::min(row_best, value);
        }
        if (row_best > limit)
            return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    const int distance = to_prefix ? *std::min_element(previous.begin(), previous.end()) : previous[m];
    return std::min(distance, limit + 1);
}

} // namespace search_detail
} // namespace ck
