/* nichiro-bench.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-bench"

#include "config.h"

#include "nichiro-bench-config.h"
#include "nichiro-bench-review.h"
#include "nichiro-data-resources.h"
#include "nichiro-dataset.h"
#include "nichiro-search.h"

#include <glib-unix.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef __GLIBC__
# include <malloc.h>
#endif

/* Measures what the design gives budgets for and prints one JSON object per
 * line. It asserts nothing about time: machines differ, so the figures are
 * for people (and the CI log) to read, with each budget printed beside its
 * figure. */

extern char **environ;

#define DATASET_LOAD_WARMUPS 5
#define STARTUP_WARMUPS 2
#define STARTUP_CHILD_TIMEOUT_S 20
#define SYNTHETIC_ENTRIES 100000
#define SYNTHETIC_SEED 20260101

typedef struct
{
  GString *line;
} Report;

typedef struct
{
  double wall_ms;
  double peak_rss_mib;
} ChildRun;

typedef enum
{
  BENCH_DATASET_LOAD = 1 << 0,
  BENCH_SEARCH_BUNDLED = 1 << 1,
  BENCH_SEARCH_SYNTHETIC = 1 << 2,
  BENCH_STARTUP = 1 << 3,
  BENCH_REVIEW_SIM = 1 << 4,
  BENCH_DUE_QUEUE = 1 << 5,
} Bench;

static const struct
{
  Bench bench;
  const char *name;
  guint default_iterations;
} benches[] = {
  { BENCH_DATASET_LOAD, "dataset-load", 200 },
  { BENCH_SEARCH_BUNDLED, "search-bundled", 5 },
  { BENCH_SEARCH_SYNTHETIC, "search-synthetic", 1 },
  { BENCH_STARTUP, "startup", 15 },
  { BENCH_REVIEW_SIM, "review-sim", 200 },
  { BENCH_DUE_QUEUE, "due-queue", 200 },
};

#define DUE_QUEUE_CARDS 10000

/* What a person might type into the search entry of the bundled dataset;
 * each is timed at every prefix, as the results update per keystroke. */
static const char * const bundled_queries[] = {
  "portsmouth", "neutrality pact", "ポーツマス", "Портсмут", "komura",
  "sakhalin", "kuril", "1905", "joint declaration", "hatoyama",
  "molotov", "yalta", "shimoda", "nomonhan", "khalkhin gol",
  "siberian intervention", "basic convention", "fisheries", "manchuria", "korea",
  "matsuoka", "san francisco", "clause 9", "日ソ共同宣言", "Совместная декларация",
  "port arthur", "tsushima", "witte", "mongolia", "railway",
};

static const char * const synthetic_queries[] = {
  "treaty", "fisheries", "railway concession", "hakodate", "vladivostok",
  "port arthur", "salmon", "neutrality", "whaling", "lighthouse",
  "telegraph cable", "secret", "indemnity", "delimitation", "plenipotentiary",
  "tanaka", "ivanov", "条約", "漁業", "函館",
  "договор", "граница", "владивосток", "рыболовство", "t",
  "tr", "tre", "trea", "fi", "fish",
  "ha", "hako", "xyzzy", "qqq", "1855",
  "1905", "coal mining", "timber concession", "harbour", "consul",
  "customs tariff", "sakhalin", "kuril", "kamchatka", "okhotsk",
  "mukden", "harbin", "garrison", "armistice", "sakhalin fisheries convention",
};

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

/* Helpers: statistics */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile of sorted @samples. */
static double
percentile (GArray *samples,
            double  fraction)
{
  double exact = fraction * samples->len;
  guint rank = (guint) exact;

  if (samples->len == 0)
    return 0.0;

  if ((double) rank < exact)
    rank++;
  rank = CLAMP (rank, 1, samples->len);

  return g_array_index (samples, double, rank - 1);
}

static double
elapsed_ms (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* Helpers: output */

static void
report_begin (Report     *report,
              const char *bench)
{
  report->line = g_string_new (NULL);
  g_string_append_printf (report->line, "{\"bench\": \"%s\"", bench);
}

static void
report_add_double (Report     *report,
                   const char *name,
                   double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value))
    g_string_append_printf (report->line, ", \"%s\": %s", name,
                            g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
  else
    g_string_append_printf (report->line, ", \"%s\": null", name);
}

static void
report_add_uint (Report     *report,
                 const char *name,
                 guint64     value)
{
  g_string_append_printf (report->line, ", \"%s\": %" G_GUINT64_FORMAT, name, value);
}

static void
report_add_bool (Report     *report,
                 const char *name,
                 gboolean    value)
{
  g_string_append_printf (report->line, ", \"%s\": %s", name, value ? "true" : "false");
}

static void
report_add_string (Report     *report,
                   const char *name,
                   const char *value)
{
  g_string_append_printf (report->line, ", \"%s\": \"", name);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (report->line, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (report->line, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (report->line, *p);
    }
  g_string_append_c (report->line, '"');
}

/* Adds PREFIXp50_ms, p95, p99, min and max of @samples, which it sorts;
 * without a prefix, n first. */
static void
report_add_samples (Report     *report,
                    const char *prefix,
                    GArray     *samples)
{
  g_autofree char *p50_name = g_strconcat (prefix, "p50_ms", NULL);
  g_autofree char *p95_name = g_strconcat (prefix, "p95_ms", NULL);
  g_autofree char *p99_name = g_strconcat (prefix, "p99_ms", NULL);
  g_autofree char *min_name = g_strconcat (prefix, "min_ms", NULL);
  g_autofree char *max_name = g_strconcat (prefix, "max_ms", NULL);

  g_array_sort (samples, compare_doubles);

  if (prefix[0] == '\0')
    report_add_uint (report, "n", samples->len);
  report_add_double (report, p50_name, percentile (samples, 0.50));
  report_add_double (report, p95_name, percentile (samples, 0.95));
  report_add_double (report, p99_name, percentile (samples, 0.99));
  report_add_double (report, min_name, samples->len ? g_array_index (samples, double, 0) : 0.0);
  report_add_double (report, max_name, percentile (samples, 1.0));
}

/* Prints the line at once, so that a long run shows its progress. */
static void
report_end (Report *report)
{
  g_string_append (report->line, "}\n");
  fputs (report->line->str, stdout);
  fflush (stdout);
  g_string_free (report->line, TRUE);
  report->line = NULL;
}

static void
report_error (const char *bench,
              const char *message)
{
  Report report;

  report_begin (&report, bench);
  report_add_string (&report, "error", message);
  report_end (&report);
}

/* Helpers: memory */

/* A "VmRSS:" or "VmHWM:" figure of /proc/self/status, in MiB; -1 if the
 * file is not there. */
static double
read_status_mib (const char *field)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1.0;

  line = strstr (contents, field);
  if (line == NULL)
    return -1.0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10) / 1024.0;
}

static double
current_rss_mib (void)
{
  return read_status_mib ("VmRSS:");
}

static double
peak_rss_mib (void)
{
  double peak = read_status_mib ("VmHWM:");

  if (peak < 0.0)
    {
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      peak = usage.ru_maxrss / 1024.0;   /* KiB on Linux */
    }

  return peak;
}

/* Hands freed memory back to the system, so that RSS figures taken next
 * count what is live rather than what malloc keeps for later. */
static void
trim_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* The bytes malloc has handed out and not had back, in MiB; -1 where
 * glibc cannot say. Unlike RSS, this does not hide new allocations in
 * memory freed earlier and kept by malloc. */
static double
heap_in_use_mib (void)
{
#if defined (__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#else
  return -1.0;
#endif
}

/* Lowers the peak RSS to the current RSS (Linux 4.0 and later), so that
 * VmHWM measures from here; and so that a child spawned next does not
 * inherit this process's peak into its own ru_maxrss, as a vfork()ed
 * child's exec would. */
static gboolean
reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  gboolean done;

  if (fd < 0)
    return FALSE;

  done = write (fd, "5", 1) == 1;
  close (fd);
  return done;
}

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
static GString *
generate_synthetic_dataset (guint n_entries,
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

/* Helpers: child processes */

/* Spawns @argv in a process group of its own, with the signal mask
 * cleared (this process blocks SIGCHLD) and its stdout sent to @stdout_fd,
 * or to our stderr so that our stdout holds only figures; its stderr is
 * ours unless @quiet. */
static gboolean
spawn_process (const char * const  *argv,
               char               **envp,
               int                  stdout_fd,
               gboolean             quiet,
               GPid                *out_pid,
               GError             **error)
{
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  sigset_t empty;
  pid_t pid;
  int status;

  sigemptyset (&empty);
  posix_spawnattr_init (&attr);
  posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setsigmask (&attr, &empty);
  posix_spawnattr_setpgroup (&attr, 0);

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, stdout_fd >= 0 ? stdout_fd : STDERR_FILENO, STDOUT_FILENO);
  if (quiet)
    posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

  status = posix_spawn (&pid, argv[0], &actions, &attr, (char * const *) argv, envp);

  posix_spawn_file_actions_destroy (&actions);
  posix_spawnattr_destroy (&attr);

  if (status != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (status),
                   "cannot run %s: %s", argv[0], g_strerror (status));
      return FALSE;
    }

  *out_pid = pid;
  return TRUE;
}

/* Waits for @pid to exit, for at most @timeout_us; on time-out, kills its
 * process group. SIGCHLD is blocked in this process, so sigtimedwait()
 * wakes as soon as a child exits. */
static gboolean
wait_process (GPid            pid,
              gint64          timeout_us,
              struct rusage  *usage,
              GError        **error)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  sigset_t chld;
  int status;

  sigemptyset (&chld);
  sigaddset (&chld, SIGCHLD);

  for (;;)
    {
      pid_t result = wait4 (pid, &status, WNOHANG, usage);
      gint64 remaining;
      struct timespec timeout;

      if (result == pid)
        break;

      if (result < 0 && errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "waiting for process %d: %s", (int) pid, g_strerror (saved_errno));
          return FALSE;
        }

      remaining = deadline - g_get_monotonic_time ();
      if (remaining <= 0)
        {
          kill (-pid, SIGKILL);
          kill (pid, SIGKILL);
          wait4 (pid, &status, 0, usage);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "did not exit within %d s; killed", (int) (timeout_us / G_USEC_PER_SEC));
          return FALSE;
        }

      timeout.tv_sec = remaining / G_USEC_PER_SEC;
      timeout.tv_nsec = (remaining % G_USEC_PER_SEC) * 1000;
      sigtimedwait (&chld, NULL, &timeout);
    }

  if (WIFSIGNALED (status))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "killed by signal %d (%s)", WTERMSIG (status), g_strsignal (WTERMSIG (status)));
      return FALSE;
    }

  if (WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "exited with status %d", WEXITSTATUS (status));
      return FALSE;
    }

  return TRUE;
}

static gboolean
time_program (const char  *path,
              char       **envp,
              ChildRun    *run,
              GError     **error)
{
  const char *argv[] = { path, NULL };
  struct rusage usage = { 0, };
  gint64 start;
  GPid pid;

  reset_peak_rss ();

  start = g_get_monotonic_time ();
  if (!spawn_process (argv, envp, -1, FALSE, &pid, error))
    return FALSE;

  if (!wait_process (pid, STARTUP_CHILD_TIMEOUT_S * G_USEC_PER_SEC, &usage, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  run->wall_ms = elapsed_ms (start);
  run->peak_rss_mib = usage.ru_maxrss / 1024.0;   /* KiB on Linux */
  return TRUE;
}

/* Starts a private session bus for the programs under test, so that they
 * run as on a desktop (a bus already there) without touching the user's
 * session or a running Nichiro, and without each run paying for a new
 * dbus-daemon as dbus-run-session would. Returns the address. */
static char *
start_private_bus (GPid    *out_pid,
                   GError **error)
{
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");
  g_autoptr(GString) address = g_string_new (NULL);
  const char *argv[] = { NULL, "--session", "--nofork", "--nopidfile", "--print-address", NULL };
  struct rusage usage;
  int fds[2];
  char buffer[256];
  gssize n_read;
  GPid pid;

  if (daemon == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "dbus-daemon is not installed");
      return NULL;
    }

  argv[0] = daemon;
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return NULL;

  if (!spawn_process (argv, environ, fds[1], TRUE, &pid, error))
    {
      close (fds[0]);
      close (fds[1]);
      return NULL;
    }
  close (fds[1]);

  while (strchr (address->str, '\n') == NULL &&
         (n_read = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      if (n_read > 0)
        g_string_append_len (address, buffer, n_read);
      else if (errno != EINTR)
        break;
    }
  close (fds[0]);

  g_strstrip (address->str);
  if (address->str[0] == '\0')
    {
      kill (pid, SIGTERM);
      wait_process (pid, 5 * G_USEC_PER_SEC, &usage, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "dbus-daemon printed no address");
      return NULL;
    }

  *out_pid = pid;
  return g_strdup (address->str);
}

static void
stop_private_bus (GPid pid)
{
  struct rusage usage;

  kill (pid, SIGTERM);
  wait_process (pid, 5 * G_USEC_PER_SEC, &usage, NULL);
}

/* The benchmarks */

static gboolean
bench_dataset_load (guint iterations)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (double), iterations);
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;
  Report report;

  bytes = g_resource_lookup_data (nichiro_data_get_resource (), NICHIRO_DATASET_DEFAULT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      report_error ("dataset-load", error->message);
      return FALSE;
    }

  for (guint i = 0; i < DATASET_LOAD_WARMUPS + iterations; i++)
    {
      g_autoptr(NichiroDataset) dataset = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      dataset = nichiro_dataset_new_default (&error);
      ms = elapsed_ms (start);

      if (dataset == NULL)
        {
          report_error ("dataset-load", error->message);
          return FALSE;
        }

      n_entries = g_list_model_get_n_items (nichiro_dataset_get_entries (dataset));
      if (i >= DATASET_LOAD_WARMUPS)
        g_array_append_val (samples, ms);
    }

  report_begin (&report, "dataset-load");
  report_add_samples (&report, "", samples);
  report_add_uint (&report, "entries", n_entries);
  report_add_uint (&report, "bytes", g_bytes_get_size (bytes));
  report_add_double (&report, "budget_ms", 10.0);
  report_add_bool (&report, "ok", percentile (samples, 0.95) <= 10.0);
  report_end (&report);

  return TRUE;
}

/* Times each query of @queries at every prefix, as typed, @passes times
 * over; the first pass is a warm-up when @warm_up. */
static GArray *
time_queries (NichiroSearch      *search,
              const char * const *queries,
              guint               n_queries,
              gboolean            every_prefix,
              guint               passes,
              gboolean            warm_up,
              double             *out_mean_results)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 total_results = 0;

  for (guint pass = 0; pass < passes + (warm_up ? 1 : 0); pass++)
    {
      for (guint q = 0; q < n_queries; q++)
        {
          const char *query = queries[q];
          const char *end = every_prefix ? g_utf8_next_char (query) : query + strlen (query);

          for (;;)
            {
              g_autofree char *prefix = g_strndup (query, end - query);
              NichiroSearchResults *results;
              guint results_len;
              gint64 start;
              double ms;

              start = g_get_monotonic_time ();
              results = nichiro_search_run (search, prefix);
              results_len = results->items->len;
              nichiro_search_results_free (results);
              ms = elapsed_ms (start);

              if (!warm_up || pass > 0)
                {
                  g_array_append_val (samples, ms);
                  total_results += results_len;
                }

              if (*end == '\0')
                break;
              end = g_utf8_next_char (end);
            }
        }
    }

  if (out_mean_results != NULL)
    *out_mean_results = samples->len ? (double) total_results / samples->len : 0.0;

  return samples;
}

static gboolean
bench_search_bundled (guint passes)
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(GArray) build_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) samples = NULL;
  g_autoptr(NichiroSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  double mean_results;
  Report report;

  dataset = nichiro_dataset_new_default (&error);
  if (dataset == NULL)
    {
      report_error ("search-bundled", error->message);
      return FALSE;
    }

  /* The window builds its search once per dataset; time a few builds. */
  for (guint i = 0; i < 11; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_clear_pointer (&search, nichiro_search_free);
      search = nichiro_search_new (dataset);
      ms = elapsed_ms (start);
      if (i > 0)
        g_array_append_val (build_samples, ms);
    }

  samples = time_queries (search, bundled_queries, G_N_ELEMENTS (bundled_queries),
                          TRUE, passes, TRUE, &mean_results);

  report_begin (&report, "search-bundled");
  report_add_samples (&report, "", samples);
  report_add_uint (&report, "entries", g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)));
  report_add_uint (&report, "queries", G_N_ELEMENTS (bundled_queries));
  report_add_double (&report, "mean_results", mean_results);
  g_array_sort (build_samples, compare_doubles);
  report_add_double (&report, "build_ms", percentile (build_samples, 0.5));
  report_add_double (&report, "budget_ms", 1.0);
  report_add_bool (&report, "ok", percentile (samples, 0.99) <= 1.0);
  report_end (&report);

  return TRUE;
}

/* The synthetic dataset at the most words per summary that keep it within
 * the format's size cap. */
static GString *
generate_capped_synthetic_dataset (guint *out_summary_words)
{
  guint summary_words = 48;
  GString *json;

  for (;;)
    {
      json = generate_synthetic_dataset (SYNTHETIC_ENTRIES, summary_words);
      if (json->len <= NICHIRO_DATASET_MAX_SIZE || summary_words <= 4)
        break;

      summary_words = (guint64) summary_words * NICHIRO_DATASET_MAX_SIZE / json->len * 9 / 10;
      summary_words = MAX (summary_words, 4);
      g_string_free (json, TRUE);
    }

  *out_summary_words = summary_words;
  return json;
}

static gboolean
bench_search_synthetic (guint passes)
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroSearch) search = NULL;
  g_autoptr(GArray) samples = NULL;
  g_autoptr(GError) error = NULL;
  GString *json = NULL;
  guint summary_words;
  double json_mib, load_ms, index_build_ms, mean_results;
  double peak_before_mib, peak_after_mib, rss_before_mib, rss_after_mib;
  double heap_before_mib, heap_after_mib;
  gint64 start;
  Report report;

  json = generate_capped_synthetic_dataset (&summary_words);
  json_mib = json->len / (1024.0 * 1024.0);

  start = g_get_monotonic_time ();
  dataset = nichiro_dataset_new_from_data (json->str, json->len, "synthetic.json", &error);
  load_ms = elapsed_ms (start);
  g_string_free (json, TRUE);

  if (dataset == NULL)
    {
      report_error ("search-synthetic", error->message);
      return FALSE;
    }

  trim_heap ();
  peak_before_mib = peak_rss_mib ();
  rss_before_mib = current_rss_mib ();
  heap_before_mib = heap_in_use_mib ();

  start = g_get_monotonic_time ();
  search = nichiro_search_new (dataset);
  index_build_ms = elapsed_ms (start);

  peak_after_mib = peak_rss_mib ();
  rss_after_mib = current_rss_mib ();
  heap_after_mib = heap_in_use_mib ();

  samples = time_queries (search, synthetic_queries, G_N_ELEMENTS (synthetic_queries),
                          FALSE, passes, TRUE, &mean_results);

  report_begin (&report, "search-synthetic");
  report_add_samples (&report, "", samples);
  report_add_uint (&report, "entries", g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)));
  report_add_double (&report, "json_mib", json_mib);
  report_add_uint (&report, "summary_words", summary_words);
  report_add_double (&report, "load_ms", load_ms);
  report_add_double (&report, "index_build_ms", index_build_ms);
  report_add_double (&report, "peak_rss_before_index_mib", peak_before_mib);
  report_add_double (&report, "peak_rss_after_index_mib", peak_after_mib);
  report_add_double (&report, "rss_before_index_mib", rss_before_mib);
  report_add_double (&report, "rss_after_index_mib", rss_after_mib);
  report_add_double (&report, "index_rss_mib", rss_after_mib - rss_before_mib);
  if (heap_before_mib >= 0.0)
    {
      report_add_double (&report, "dataset_heap_mib", heap_before_mib);
      report_add_double (&report, "index_heap_mib", heap_after_mib - heap_before_mib);
    }
  report_add_double (&report, "mean_results", mean_results);
  report_add_double (&report, "budget_ms", 16.0);
  report_add_double (&report, "budget_index_build_ms", 2000.0);
  report_add_bool (&report, "ok", percentile (samples, 0.95) <= 16.0 && index_build_ms <= 2000.0);
  report_end (&report);

  return TRUE;
}

/* Times both programs alternately with @renderer, so that whatever else
 * the machine does falls on both alike, and reports the figures. */
static gboolean
time_startup (guint        iterations,
              const char  *app_path,
              const char  *bare_path,
              char       **envp,
              const char  *renderer,
              const char  *bus)
{
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  double app_p50, bare_p50, app_peak, bare_peak, ratio, delta;
  Report report;

  envp = g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", renderer, TRUE);
  if (g_str_equal (renderer, "cairo"))
    envp = g_environ_setenv (envp, "GDK_DEBUG", "gl-disable", TRUE);

  trim_heap ();
  for (guint i = 0; i < STARTUP_WARMUPS + iterations; i++)
    {
      ChildRun app_run, bare_run;

      if (!time_program (app_path, envp, &app_run, &error) ||
          !time_program (bare_path, envp, &bare_run, &error))
        {
          report_error ("startup", error->message);
          g_strfreev (envp);
          return FALSE;
        }

      if (i < STARTUP_WARMUPS)
        continue;

      g_array_append_val (app_ms, app_run.wall_ms);
      g_array_append_val (bare_ms, bare_run.wall_ms);
      g_array_append_val (app_rss, app_run.peak_rss_mib);
      g_array_append_val (bare_rss, bare_run.peak_rss_mib);
    }
  g_strfreev (envp);

  g_array_sort (app_rss, compare_doubles);
  g_array_sort (bare_rss, compare_doubles);

  report_begin (&report, "startup");
  report_add_string (&report, "renderer", renderer);
  report_add_uint (&report, "n", app_ms->len);
  report_add_samples (&report, "app_", app_ms);
  report_add_samples (&report, "bare_", bare_ms);
  app_p50 = percentile (app_ms, 0.5);
  bare_p50 = percentile (bare_ms, 0.5);
  app_peak = percentile (app_rss, 0.5);
  bare_peak = percentile (bare_rss, 0.5);
  ratio = app_p50 / bare_p50;
  delta = app_peak - bare_peak;
  report_add_double (&report, "ratio", ratio);
  report_add_double (&report, "app_peak_rss_mib", app_peak);
  report_add_double (&report, "bare_peak_rss_mib", bare_peak);
  report_add_double (&report, "rss_delta_mib", delta);
  report_add_double (&report, "bench_rss_mib", current_rss_mib ());
  report_add_string (&report, "bus", bus);
  report_add_double (&report, "budget_ratio", 1.3);
  report_add_double (&report, "budget_rss_delta_mib", 25.0);
  report_add_bool (&report, "ok", ratio <= 1.3 && delta <= 25.0);
  report_end (&report);

  return TRUE;
}

/* Removes the private data folder and whatever the runs left in it. */
static void
remove_data_home (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_data_home (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Start-up to the first frame, Nichiro against a bare libadwaita window,
 * with GTK's GL renderer and with cairo. Nichiro starts as on a fresh
 * profile: a data folder of its own, so no study file from an earlier run
 * puts an entry in the first frame. */
static gboolean
bench_startup (guint        iterations,
               const char  *app_path,
               const char  *bare_path,
               gboolean     use_bus)
{
  static const char *renderers[] = { "gl", "cairo" };
  g_autoptr(GError) error = NULL;
  g_autofree char *bus_address = NULL;
  g_autofree char *data_home = NULL;
  g_auto(GStrv) envp = NULL;
  const char *bus = "none";
  GPid bus_pid = 0;
  gboolean done = TRUE;
  Report report;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      report_begin (&report, "startup");
      report_add_string (&report, "skipped", "no display");
      report_end (&report);
      return TRUE;
    }

  if (app_path == NULL || bare_path == NULL)
    {
      report_error ("startup", "the GUI programs were not built; pass --app and --bare");
      return FALSE;
    }

  data_home = g_dir_make_tmp ("nichiro-bench-XXXXXX", &error);
  if (data_home == NULL)
    {
      report_error ("startup", error->message);
      return FALSE;
    }

  if (use_bus)
    {
      bus_address = start_private_bus (&bus_pid, &error);
      if (bus_address != NULL)
        bus = "private";
      else
        g_printerr ("nichiro-bench: running without a session bus: %s\n", error->message);
      g_clear_error (&error);
    }

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "NICHIRO_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "ADW_DISABLE_PORTAL", "1", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  /* Without a bus of ours, an address that cannot connect: GApplication
   * then runs on its own, and GDBus does not autolaunch a daemon that would
   * outlive the run. */
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS",
                           bus_address ? bus_address : "unix:path=/nonexistent/nichiro-bench-no-bus",
                           TRUE);

  for (guint r = 0; done && r < G_N_ELEMENTS (renderers); r++)
    done = time_startup (iterations, app_path, bare_path, envp, renderers[r], bus);

  if (bus_pid != 0)
    stop_private_bus (bus_pid);
  remove_data_home (data_home);

  return done;
}

/* Self-test: a simulated month, and the due queue */

static gboolean
report_simulation (NichiroSimScheduler  scheduler,
                   const char          *name,
                   guint                seeds)
{
  g_autoptr(GError) error = NULL;
  NichiroSimResult result;
  Report report;

  if (!nichiro_bench_simulate (scheduler, seeds, &result, &error))
    {
      report_error (name, error->message);
      return FALSE;
    }

  report_begin (&report, name);
  report_add_uint (&report, "seeds", seeds);
  report_add_uint (&report, "days", NICHIRO_SIM_DAYS);
  report_add_uint (&report, "cards", result.cards);
  report_add_uint (&report, "new_limit", NICHIRO_SIM_NEW_PER_DAY);
  report_add_double (&report, "retention", result.retention);
  report_add_double (&report, "retention_sd", result.retention_sd);
  report_add_double (&report, "reviews_per_day", result.reviews_per_day);
  report_add_double (&report, "scheduled_reviews_per_day", result.scheduled_per_day);
  report_add_double (&report, "new_per_day", result.new_per_day);
  /* SM-2 runs for comparison: the targets are FSRS's. */
  if (scheduler == NICHIRO_SIM_FSRS)
    {
      report_add_double (&report, "target_retention", 0.88);
      report_add_double (&report, "budget_reviews_per_day", 14.0);
      report_add_bool (&report, "ok", result.retention >= 0.88 && result.reviews_per_day <= 14.0);
    }
  report_end (&report);

  return TRUE;
}

static gboolean
bench_review_sim (guint seeds)
{
  return report_simulation (NICHIRO_SIM_FSRS, "review-sim-fsrs", seeds) &&
         report_simulation (NICHIRO_SIM_SM2, "review-sim-sm2", seeds);
}

static gboolean
bench_due_queue (guint iterations)
{
  g_autoptr(GArray) samples = nichiro_bench_time_due_queue (DUE_QUEUE_CARDS, iterations);
  Report report;

  report_begin (&report, "due-queue");
  report_add_samples (&report, "", samples);
  report_add_uint (&report, "cards", DUE_QUEUE_CARDS);
  report_add_double (&report, "budget_ms", 5.0);
  report_add_bool (&report, "ok", percentile (samples, 0.95) <= 5.0);
  report_end (&report);

  return TRUE;
}

/* The program */

static gboolean
parse_only (const char  *only,
            guint       *out_selected,
            GError     **error)
{
  g_auto(GStrv) names = g_strsplit (only, ",", -1);
  guint selected = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
        {
          if (g_str_equal (g_strstrip (names[i]), benches[b].name))
            {
              selected |= benches[b].bench;
              found = TRUE;
            }
        }

      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown benchmark \"%s\"; expected dataset-load, search-bundled, "
                       "search-synthetic, startup, review-sim or due-queue", names[i]);
          return FALSE;
        }
    }

  *out_selected = selected;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *only = NULL;
  g_autofree char *app_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree char *synthetic_path = NULL;
  gboolean no_bus = FALSE;
  gboolean set_slice;
  int iterations = 0;
  guint selected = 0;
  gboolean ok = TRUE;
  sigset_t chld;
  const GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run only these benchmarks: dataset-load, search-bundled, search-synthetic, startup, "
      "review-sim, due-queue (comma-separated)", "NAME" },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations,
      "Repeat each measurement N times (defaults: 200 loads, 5 passes over the bundled "
      "queries, 1 over the synthetic ones, 15 start-ups of each program, 200 simulated "
      "learners, 200 due queues)", "N" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app_path,
      "The nichiro program to start", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare_path,
      "The nichiro-bare-window program to compare it with", "PATH" },
    { "no-bus", 0, 0, G_OPTION_ARG_NONE, &no_bus,
      "Start the programs without a session bus instead of a private one", NULL },
    { "write-synthetic", 0, 0, G_OPTION_ARG_FILENAME, &synthetic_path,
      "Write the synthetic 100,000-entry dataset to FILE (for nichiro --data) and exit", "FILE" },
    { NULL }
  };

  /* GLib before 2.76 keeps the JSON parser's freed nodes in GSlice
   * magazines, which would count as the dataset's memory and keep this
   * process large after the synthetic dataset is gone. Newer GLib (as in
   * the GNOME runtime) allocates slices with malloc; measure as there.
   * GSlice reads its setting before main(), hence the new start. */
  if (g_getenv ("G_SLICE") == NULL && g_getenv ("NICHIRO_BENCH_RESTARTED") == NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      g_setenv ("NICHIRO_BENCH_RESTARTED", "1", TRUE);
      execv ("/proc/self/exe", argv);
      g_unsetenv ("G_SLICE");   /* no /proc: measure as things are */
    }
  set_slice = g_getenv ("NICHIRO_BENCH_RESTARTED") != NULL;
  g_unsetenv ("NICHIRO_BENCH_RESTARTED");

  /* Before any thread exists, so that every thread inherits the mask and
   * a child's exit stays pending for sigtimedwait(). */
  sigemptyset (&chld);
  sigaddset (&chld, SIGCHLD);
  pthread_sigmask (SIG_BLOCK, &chld, NULL);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Measures dataset loading, search, start-up and the self-test's scheduling "
                                "against the design's budgets and prints one JSON object per line. It "
                                "asserts nothing.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("nichiro-bench: %s\n", error->message);
      return 2;
    }

  if (iterations < 0)
    {
      g_printerr ("nichiro-bench: --iterations must be positive\n");
      return 2;
    }

  if (synthetic_path != NULL)
    {
      g_autoptr(GString) json = NULL;
      guint summary_words;

      json = generate_capped_synthetic_dataset (&summary_words);
      if (!g_file_set_contents (synthetic_path, json->str, json->len, &error))
        {
          g_printerr ("nichiro-bench: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (only == NULL)
    {
      for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
        selected |= benches[b].bench;
    }
  else if (!parse_only (only, &selected, &error))
    {
      g_printerr ("nichiro-bench: %s\n", error->message);
      return 2;
    }

#ifdef NICHIRO_BENCH_DEFAULT_APP
  if (app_path == NULL)
    app_path = g_strdup (NICHIRO_BENCH_DEFAULT_APP);
  if (bare_path == NULL)
    bare_path = g_strdup (NICHIRO_BENCH_DEFAULT_BARE);
#endif

  for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
    {
      guint n = iterations > 0 ? (guint) iterations : benches[b].default_iterations;

      if (!(selected & benches[b].bench))
        continue;

      switch (benches[b].bench)
        {
        case BENCH_DATASET_LOAD:
          ok &= bench_dataset_load (n);
          break;

        case BENCH_SEARCH_BUNDLED:
          ok &= bench_search_bundled (n);
          break;

        case BENCH_SEARCH_SYNTHETIC:
          ok &= bench_search_synthetic (n);
          break;

        case BENCH_REVIEW_SIM:
          ok &= bench_review_sim (n);
          break;

        case BENCH_DUE_QUEUE:
          ok &= bench_due_queue (n);
          break;

        case BENCH_STARTUP:
          /* The programs under test run as they would for the user. */
          if (set_slice)
            g_unsetenv ("G_SLICE");
          ok &= bench_startup (n, app_path, bare_path, !no_bus);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A figure that could not be measured fails the run; a figure over its
   * budget does not. */
  return ok ? 0 : 1;
}
