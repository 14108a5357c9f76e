/* nichiro-bench-synthetic.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-bench"

#include "config.h"

#include "nichiro-bench-synthetic.h"

/* A dataset of any size for the benchmarks, made of words in the three
 * scripts, the same for the same arguments. */

/* Word lists for the synthetic dataset. Places and people come in the
 * dataset's three languages, in parallel. */
static const char * const english_words[] = {
  "treaty", "convention", "frontier", "fisheries", "railway", "harbour", "consul",
  "legation", "commerce", "navigation", "boundary", "island", "strait", "garrison",
  "neutrality", "protocol", "concession", "indemnity", "plenipotentiary",
  "ratification", "armistice", "evacuation", "delimitation", "customs", "tariff",
  "mission", "envoy", "squadron", "fortress", "survey", "whaling", "timber", "coal",
  "oil", "mining", "salmon", "crab", "cannery", "merchant", "telegraph", "lighthouse",
  "cable", "loan", "bank", "trade", "declaration", "settlement", "agreement",
  "embassy", "secret", "article", "clause", "exchange", "lease", "zone", "sphere",
  "interest", "recognition", "relations", "negotiation", "delegation", "note",
  "ultimatum", "withdrawal", "occupation", "prisoners", "repatriation", "claims",
  "shipping", "fleet", "port", "territory", "sovereignty", "rights", "waters",
};

static const char * const english_adjectives[] = {
  "Secret", "Additional", "Provisional", "General", "Supplementary", "Final",
  "Preliminary", "Basic", "Joint", "Mutual", "Northern", "Southern", "Maritime",
  "Imperial", "Commercial", "Territorial",
};

static const char * const english_nouns[] = {
  "Treaty", "Convention", "Agreement", "Protocol", "Declaration", "Pact",
  "Conference", "Mission", "Incident", "Settlement", "Exchange", "Arrangement",
};

static const char * const japanese_words[] = {
  "条約", "協定", "国境", "漁業", "鉄道", "港", "領事", "通商", "航海", "島",
  "海峡", "中立", "議定書", "賠償", "全権", "批准", "休戦", "撤兵", "関税", "使節",
  "艦隊", "要塞", "測量", "捕鯨", "木材", "石炭", "石油", "鉱山", "鮭", "蟹",
  "商人", "電信", "灯台", "借款", "銀行", "貿易", "宣言", "協商", "会議", "事件",
};

static const char * const russian_words[] = {
  "договор", "конвенция", "граница", "рыболовство", "дорога", "гавань", "консул",
  "миссия", "торговля", "мореплавание", "остров", "пролив", "гарнизон",
  "нейтралитет", "протокол", "концессия", "контрибуция", "ратификация", "перемирие",
  "эвакуация", "разграничение", "таможня", "тариф", "посольство", "эскадра",
  "крепость", "лес", "уголь", "нефть", "рудник", "лосось", "краб", "купец",
  "телеграф", "маяк", "кабель", "заём", "банк", "декларация", "соглашение",
  "конференция", "инцидент",
};

typedef struct
{
  const char *en;
  const char *ja;
  const char *ru;
} Names;

static const Names places[] = {
  { "Hakodate", "函館", "Хакодате" },
  { "Nagasaki", "長崎", "Нагасаки" },
  { "Shimoda", "下田", "Симода" },
  { "Vladivostok", "ウラジオストク", "Владивосток" },
  { "Harbin", "ハルビン", "Харбин" },
  { "Mukden", "奉天", "Мукден" },
  { "Dairen", "大連", "Дальний" },
  { "Port Arthur", "旅順", "Порт-Артур" },
  { "Kamchatka", "カムチャツカ", "Камчатка" },
  { "Okhotsk", "オホーツク", "Охотск" },
  { "Nikolayevsk", "ニコラエフスク", "Николаевск" },
  { "Tsuruga", "敦賀", "Цуруга" },
  { "Niigata", "新潟", "Ниигата" },
  { "Otaru", "小樽", "Отару" },
  { "Korsakov", "コルサコフ", "Корсаков" },
  { "Sakhalin", "樺太", "Сахалин" },
  { "the Kuril Islands", "千島列島", "Курильские острова" },
  { "Chita", "チタ", "Чита" },
  { "Irkutsk", "イルクーツク", "Иркутск" },
  { "Khabarovsk", "ハバロフスク", "Хабаровск" },
  { "Blagoveshchensk", "ブラゴヴェシチェンスク", "Благовещенск" },
  { "Petropavlovsk", "ペトロパブロフスク", "Петропавловск" },
  { "Sapporo", "札幌", "Саппоро" },
  { "Tokyo", "東京", "Токио" },
  { "St Petersburg", "サンクトペテルブルク", "Санкт-Петербург" },
  { "Moscow", "モスクワ", "Москва" },
  { "Peking", "北京", "Пекин" },
  { "Seoul", "京城", "Сеул" },
  { "Urga", "庫倫", "Урга" },
  { "Kyakhta", "キャフタ", "Кяхта" },
};

static const Names family_names[] = {
  { "Tanaka", "田中", "Танака" },
  { "Suzuki", "鈴木", "Судзуки" },
  { "Sato", "佐藤", "Сато" },
  { "Takahashi", "高橋", "Такахаси" },
  { "Watanabe", "渡辺", "Ватанабэ" },
  { "Ito", "伊藤", "Ито" },
  { "Yamamoto", "山本", "Ямамото" },
  { "Nakamura", "中村", "Накамура" },
  { "Kobayashi", "小林", "Кобаяси" },
  { "Kato", "加藤", "Като" },
  { "Ivanov", "イワノフ", "Иванов" },
  { "Petrov", "ペトロフ", "Петров" },
  { "Sidorov", "シドロフ", "Сидоров" },
  { "Smirnov", "スミルノフ", "Смирнов" },
  { "Kuznetsov", "クズネツォフ", "Кузнецов" },
  { "Popov", "ポポフ", "Попов" },
  { "Volkov", "ヴォルコフ", "Волков" },
  { "Sokolov", "ソコロフ", "Соколов" },
  { "Morozov", "モロゾフ", "Морозов" },
  { "Orlov", "オルロフ", "Орлов" },
};

static const Names given_names[] = {
  { "Taro", "太郎", "Таро" },
  { "Jiro", "次郎", "Дзиро" },
  { "Ichiro", "一郎", "Итиро" },
  { "Kenji", "健二", "Кэндзи" },
  { "Hiroshi", "博", "Хироси" },
  { "Masao", "正雄", "Масао" },
  { "Ivan", "イワン", "Иван" },
  { "Pyotr", "ピョートル", "Пётр" },
  { "Nikolai", "ニコライ", "Николай" },
  { "Sergei", "セルゲイ", "Сергей" },
  { "Aleksei", "アレクセイ", "Алексей" },
  { "Dmitri", "ドミトリー", "Дмитрий" },
};

static const struct
{
  const char *id;
  Names name;
} synthetic_states[] = {
  { "japan", { "Japan", "日本", "Япония" } },
  { "russia", { "Russia", "ロシア", "Россия" } },
  { "china", { "China", "中国", "Китай" } },
  { "korea", { "Korea", "朝鮮", "Корея" } },
  { "mongolia", { "Mongolia", "モンゴル", "Монголия" } },
  { "usa", { "United States", "アメリカ合衆国", "Соединённые Штаты" } },
  { "uk", { "United Kingdom", "イギリス", "Великобритания" } },
  { "france", { "France", "フランス", "Франция" } },
};

static const struct
{
  const char *id;
  Names name;
} synthetic_threads[] = {
  { "sakhalin", { "Sakhalin", "樺太", "Сахалин" } },
  { "kurils", { "Kuril Islands", "千島列島", "Курилы" } },
  { "fisheries", { "Fisheries", "漁業", "Рыболовство" } },
  { "railways", { "Railways", "鉄道", "Железные дороги" } },
  { "trade", { "Trade", "貿易", "Торговля" } },
  { "manchuria", { "Manchuria", "満洲", "Маньчжурия" } },
  { "korea", { "Korea", "朝鮮", "Корея" } },
  { "neutrality", { "Neutrality", "中立", "Нейтралитет" } },
  { "war-and-peace", { "War and peace", "戦争と平和", "Война и мир" } },
  { "recognition", { "Recognition", "承認", "Признание" } },
};

static const char * const entry_kinds[] = {
  "treaty", "agreement", "convention", "protocol", "declaration", "pact",
  "war", "battle", "conference", "incident", "mission", "event",
};

#define N_SYNTHETIC_PARTS 8
#define N_SYNTHETIC_PEOPLE 300
#define SYNTHETIC_FIRST_YEAR 1700
#define SYNTHETIC_LAST_YEAR 1960

/* Helpers: the synthetic dataset */

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
append_names (GString     *json,
              const char  *member,
              const char  *en,
              const char  *ja,
              const char  *ru)
{
  g_string_append_printf (json, "\"%s\":{\"en\":\"%s\",\"ja\":\"%s\",\"ru\":\"%s\"}",
                          member, en, ja, ru);
}

/* A New Style date between the two years, mostly to the day. */
static int
append_random_date (GString    *json,
                    const char *member,
                    GRand      *rand,
                    int         first_year,
                    int         last_year)
{
  int year = g_rand_int_range (rand, first_year, last_year + 1);
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, g_date_get_days_in_month (month, year) + 1);
  int precision = g_rand_int_range (rand, 0, 20);

  if (precision == 0)
    g_string_append_printf (json, "\"%s\":\"%04d\"", member, year);
  else if (precision < 3)
    g_string_append_printf (json, "\"%s\":\"%04d-%02d\"", member, year, month);
  else
    g_string_append_printf (json, "\"%s\":\"%04d-%02d-%02d\"", member, year, month, day);

  return year;
}

static void
append_summary (GString *json,
                GRand   *rand,
                guint    n_words,
                int      year)
{
  g_string_append (json, "\"summary\":\"");
  for (guint i = 0; i < n_words; i++)
    {
      guint pick = g_rand_int_range (rand, 0, 20);

      if (i > 0)
        g_string_append_c (json, ' ');

      if (pick == 0)
        g_string_append (json, PICK (rand, japanese_words));
      else if (pick == 1)
        g_string_append (json, PICK (rand, russian_words));
      else if (pick == 2)
        g_string_append (json, PICK (rand, places).en);
      else if (pick == 3)
        g_string_append_printf (json, "in %d", year + g_rand_int_range (rand, -3, 4));
      else
        g_string_append (json, PICK (rand, english_words));
    }
  g_string_append (json, ".\"");
}

static void
append_entry (GString *json,
              GRand   *rand,
              guint    index,
              guint    summary_words)
{
  const Names *place = &PICK (rand, places);
  const char *adjective = PICK (rand, english_adjectives);
  const char *noun = PICK (rand, english_nouns);
  const char *ja_word = PICK (rand, japanese_words);
  const char *ru_word = PICK (rand, russian_words);
  guint first_state = g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_states));
  guint second_state = (first_state + g_rand_int_range (rand, 1, G_N_ELEMENTS (synthetic_states)))
                       % G_N_ELEMENTS (synthetic_states);
  int year;
  guint part;

  g_string_append_printf (json, "{\"id\":\"synthetic-%06u\",\"kind\":\"%s\",",
                          index, PICK (rand, entry_kinds));
  g_string_append_printf (json,
                          "\"title\":{\"en\":\"%s %s of %s\",\"ja\":\"%s%s%s\",\"ru\":\"%s %s\"},",
                          adjective, noun, place->en,
                          place->ja, ja_word, PICK (rand, japanese_words),
                          ru_word, place->ru);

  if (g_rand_int_range (rand, 0, 3) == 0)
    g_string_append_printf (json, "\"aliases\":[\"%s %s\"],", place->en, noun);

  year = append_random_date (json, "date", rand, SYNTHETIC_FIRST_YEAR, SYNTHETIC_LAST_YEAR);
  g_string_append_c (json, ',');

  /* Only a bare year later than the date, so it never comes before it. */
  if (g_rand_int_range (rand, 0, 10) == 0)
    g_string_append_printf (json, "\"end_date\":\"%04d\",", year + g_rand_int_range (rand, 1, 6));

  if (g_rand_boolean (rand))
    g_string_append_printf (json, "\"place\":\"%s\",", place->en);

  g_string_append_printf (json, "\"parties\":[\"%s\",\"%s\"],",
                          synthetic_states[first_state].id, synthetic_states[second_state].id);

  if (g_rand_int_range (rand, 0, 3) == 0)
    g_string_append_printf (json, "\"signatories\":[{\"person\":\"person-%d\",\"side\":\"%s\"}],",
                            g_rand_int_range (rand, 0, N_SYNTHETIC_PEOPLE),
                            synthetic_states[first_state].id);

  g_string_append_printf (json, "\"threads\":[\"%s\"],", PICK (rand, synthetic_threads).id);

  append_summary (json, rand, summary_words, year);
  g_string_append_c (json, ',');

  if (index > 0 && g_rand_int_range (rand, 0, 20) == 0)
    g_string_append_printf (json, "\"related\":[{\"id\":\"synthetic-%06u\",\"relation\":\"see-also\"}],",
                            g_rand_int_range (rand, 0, index));

  part = (year - SYNTHETIC_FIRST_YEAR) * N_SYNTHETIC_PARTS
         / (SYNTHETIC_LAST_YEAR - SYNTHETIC_FIRST_YEAR + 1);
  g_string_append_printf (json, "\"part\":\"part-%u\",", part + 1);
  g_string_append_printf (json, "\"sources\":[{\"title\":\"Synthetic source %u\"}]}", index % 997);
}

/* A valid dataset of @n_entries entries, the same for the same arguments. */
GString *
bench_generate_synthetic_dataset (guint n_entries,
                            guint summary_words)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SYNTHETIC_SEED);
  GString *json = g_string_sized_new ((gsize) n_entries * (400 + summary_words * 8));
  int span = (SYNTHETIC_LAST_YEAR - SYNTHETIC_FIRST_YEAR + 1) / N_SYNTHETIC_PARTS;

  g_string_append (json,
                   "{\"format\":\"nichiro-dataset\",\"version\":1,\"id\":\"synthetic\","
                   "\"title\":\"Synthetic benchmark dataset\",\"license\":\"CC0-1.0\",");

  g_string_append (json, "\"states\":[");
  for (guint i = 0; i < G_N_ELEMENTS (synthetic_states); i++)
    {
      g_string_append_printf (json, "%s{\"id\":\"%s\",", i ? "," : "", synthetic_states[i].id);
      append_names (json, "name", synthetic_states[i].name.en,
                    synthetic_states[i].name.ja, synthetic_states[i].name.ru);
      g_string_append_c (json, '}');
    }

  g_string_append (json, "],\"parts\":[");
  for (guint i = 0; i < N_SYNTHETIC_PARTS; i++)
    {
      int start = SYNTHETIC_FIRST_YEAR + i * span;
      int end = i + 1 == N_SYNTHETIC_PARTS ? SYNTHETIC_LAST_YEAR : start + span - 1;

      g_string_append_printf (json,
                              "%s{\"id\":\"part-%u\",\"title\":\"Part %u, %d to %d\","
                              "\"start\":\"%d\",\"end\":\"%d\"}",
                              i ? "," : "", i + 1, i + 1, start, end, start, end);
    }

  g_string_append (json, "],\"eras\":[],\"threads\":[");
  for (guint i = 0; i < G_N_ELEMENTS (synthetic_threads); i++)
    {
      g_string_append_printf (json, "%s{\"id\":\"%s\",", i ? "," : "", synthetic_threads[i].id);
      append_names (json, "name", synthetic_threads[i].name.en,
                    synthetic_threads[i].name.ja, synthetic_threads[i].name.ru);
      g_string_append_c (json, '}');
    }

  g_string_append (json, "],\"people\":[");
  for (guint i = 0; i < N_SYNTHETIC_PEOPLE; i++)
    {
      const Names *family = &family_names[i % G_N_ELEMENTS (family_names)];
      const Names *given = &given_names[(i / G_N_ELEMENTS (family_names)) % G_N_ELEMENTS (given_names)];
      int born = g_rand_int_range (rand, SYNTHETIC_FIRST_YEAR - 80, SYNTHETIC_LAST_YEAR - 20);
      g_autofree char *en = g_strdup_printf ("%s %s", given->en, family->en);
      g_autofree char *ja = g_strdup_printf ("%s%s", family->ja, given->ja);
      g_autofree char *ru = g_strdup_printf ("%s %s", given->ru, family->ru);

      g_string_append_printf (json, "%s{\"id\":\"person-%u\",", i ? "," : "", i);
      append_names (json, "name", en, ja, ru);
      g_string_append_printf (json, ",\"aliases\":[\"%s\"],\"born\":\"%d\",\"died\":\"%d\","
                              "\"roles\":[\"Plenipotentiary\"]}",
                              family->en, born, born + g_rand_int_range (rand, 30, 80));
    }

  g_string_append (json, "],\"entries\":[");
  for (guint i = 0; i < n_entries; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_entry (json, rand, i, summary_words);
    }
  g_string_append (json, "]}\n");

  return json;
}
