// Built-in lay words for skin treatments. The clinic's synonyms.json adds to
// these; these only cover what patients commonly type that the content may
// not say in the same words (UK/US spellings, slang, everyday terms).
//
// Each line is a group of words or phrases that mean the same thing for a
// patient's question: typing any member also finds the others. Written
// without accents (matching happens on folded text).
#include "core/search_internal.h"

namespace ck::search_detail {

static const char* const kEnglishGroups[] = {
    "pain|hurt|hurts|hurting|painful|sore|ache|ouch|discomfort",
    "numb|numbing|anaesthetic|anesthetic|numbing cream|local anaesthetic",
    "exercise|gym|workout|work out|sport|sports|running|jogging|training|fitness",
    "sweat|sweating|sweaty",
    "acne|spots|pimples|zits|breakouts|blemishes|whiteheads",
    "scars|scar|scarring|pitted|pock marks|pockmarks",
    "red|redness|flushed|flushing|pink",
    "makeup|make up|cosmetics|foundation|concealer",
    "sunscreen|sunblock|sun block|sun cream|suncream|spf|sun protection",
    "tanning|tan|sunbathing|sunbed|sunbeds",
    "swimming|swim|pool|swimming pool",
    "wrinkles|wrinkle|fine lines|creases|crows feet|ageing|aging|anti ageing|anti aging",
    "cost|costs|price|prices|pricing|expensive|cheap|fee|fees|charge|pay|money",
    "bleeding|bleed|blood",
    "bruising|bruise|bruises|bruised",
    "swelling|swollen|puffy|puffiness",
    "peeling|peel|flaking|flaky|flakes",
    "itching|itch|itchy",
    "infection|infected|pus",
    "pregnancy|pregnant|expecting",
    "breastfeeding|breast feeding|nursing",
    "alcohol|drink|drinking|booze|wine|beer",
    "shaving|shave|razor",
    "moisturiser|moisturizer|moisturise|moisturize",
    "colour|color",
    "dermaroller|derma roller|roller|home roller",
    "tattoo|tattoos|ink",
    "pigmentation|dark spots|sun spots|age spots|melasma|blotchy|discoloration|discolouration",
    "stretch marks|striae",
    "cold sores|cold sore|herpes|fever blister",
    "isotretinoin|accutane|roaccutane",
    "blood thinners|blood thinner|warfarin|anticoagulant|anticoagulants",
    "diabetes|diabetic",
    "driving|drive|car",
    "hair loss|balding|bald|thinning hair|alopecia",
    "downtime|recovery|time off",
    "safe|safety|dangerous|risky",
    "call|phone|ring|contact",
    "sessions|session|appointments|appointment|treatments",
    "not|cant|can't|cannot|shouldnt|shouldn't|mustnt|mustn't",
};

static const char* const kSpanishGroups[] = {
    "dolor|duele|doloroso|molesta|molestia|escuece",
    "anestesia|anestesico|crema anestesica|adormecer|dormir",
    "ejercicio|gimnasio|gym|deporte|entrenar|correr",
    "acne|granos|espinillas|barros|brotes",
    "cicatrices|cicatriz|marcas|hoyos",
    "rojez|rojo|roja|enrojecimiento|rojeces",
    "maquillaje|maquillarme|maquillar|cosmeticos",
    "protector solar|crema solar|bloqueador|fps",
    "nadar|piscina|natacion",
    "arrugas|arruga|lineas finas|patas de gallo",
    "precio|cuesta|coste|costo|dinero|pagar|tarifa",
    "sangrar|sangre|sangrado",
    "moratones|moraton|hematoma|morado",
    "hinchazon|hinchado|hinchada|inflamacion",
    "pelar|pela|descamacion|escamas",
    "embarazada|embarazo",
    "lactancia|dar el pecho|amamantar",
    "alcohol|beber|vino|cerveza|copas",
    "afeitar|afeitarme|cuchilla",
    "conducir|coche|manejar|carro",
    "pelo|cabello|calvicie|alopecia",
    "tatuaje|tatuajes|tinta",
};

static std::map<std::string, std::vector<std::string>> BuildMap(const char* const* groups, size_t count)
{
    std::map<std::string, std::vector<std::string>> map;
    for (size_t g = 0; g < count; g++) {
        std::vector<std::string> members;
        std::string text = groups[g];
        size_t start = 0;
        while (start <= text.size()) {
            const size_t bar = text.find('|', start);
            const size_t stop = bar == std::string::npos ? text.size() : bar;
            members.push_back(text.substr(start, stop - start));
            start = stop + 1;
        }
        for (const std::string& key : members)
            for (const std::string& other : members)
                if (other != key)
                    map[key].push_back(other);
    }
    return map;
}

const std::map<std::string, std::vector<std::string>>& BuiltinSynonyms(const std::string& lang)
{
    static const std::map<std::string, std::vector<std::string>> english =
        BuildMap(kEnglishGroups, sizeof(kEnglishGroups) / sizeof(kEnglishGroups[0]));
    static const std::map<std::string, std::vector<std::string>> spanish =
        BuildMap(kSpanishGroups, sizeof(kSpanishGroups) / sizeof(kSpanishGroups[0]));
    static const std::map<std::string, std::vector<std::string>> none;
    const std::string primary = lang.substr(0, lang.find('-'));
    if (primary == "en")
        return english;
    if (primary == "es")
        return spanish;
    return none;
}

} // namespace ck::search_detail
