/* nichiro-search-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-search.h"

G_BEGIN_DECLS

/* What the files of NichiroSearch share: the index's layout, the search's
 * struct and the helpers each file offers the others (nichiro-search.c
 * says which file holds what). Nothing outside the search includes this. */

typedef enum
{
  FIELD_TITLE,
  FIELD_ALIAS,
  FIELD_PEOPLE,
  FIELD_PLACE,
  FIELD_THREAD,
  FIELD_PARTY,
  FIELD_SUMMARY,
  FIELD_ARTICLES,
  FIELD_NOTES,
  FIELD_MENTIONS,
  N_FIELDS
} Field;

#define FIELD_BITS 4
#define FIELD_MASK ((1u << FIELD_BITS) - 1)
#define ALL_FIELDS ((1u << N_FIELDS) - 1)
#define FIELD_BIT(f) (1u << (f))

typedef struct _Posting Posting;

struct _Posting
{
  char *token;
  guint n_chars;
  GArray *postings;        /* guint32: entry << FIELD_BITS | field, ascending */
  Posting *stem;           /* a Russian word's stem, in the stems table */
  const NichiroPerson *person; /* whom a word is the family name of */
};

typedef struct
{
  NichiroEntry *entry;
  int year_from;
  int year_to;
  gint32 date_key;         /* for ordering equal scores by date */
  gboolean instrument;
} Document;

typedef struct
{
  double score;
  guint document;
} Candidate;

/* One evaluation's scores, dense over the entries with a list of those
 * touched, so that clearing costs what was used. */
typedef struct
{
  double *scores;
  GArray *touched;
} Scores;

typedef struct
{
  GPtrArray *needles;      /* folded strings to highlight */
  GPtrArray *word_needles; /* subset that must start a word */
  GPtrArray *stem_needles; /* stems: they start a word and take it whole */
} Needles;

struct _NichiroSearch
{
  NichiroDataset *dataset;
  GArray *documents;       /* Document */
  GHashTable *words;       /* folded word → Posting */
  GHashTable *grams;       /* one or two Japanese characters → Posting */
  GHashTable *stems;       /* stem of Russian words → Posting of all of them */
  GPtrArray *vocabulary;   /* Posting of every word, sorted by token */
  GPtrArray *stem_vocabulary; /* Posting of every stem, sorted by token */
  GHashTable *folded;      /* text in the dataset → its folded form */
  GHashTable *name_keys;   /* a title or alias in the dataset → dup_name_key() */
  GHashTable *mention_keys; /* folded family name → NichiroPerson, or the self for two */
  GHashTable *mentions;    /* NichiroEntry → GPtrArray of the people its texts name */
  GHashTable *names_folded; /* a name's text → its folded form, while building */
  GHashTable *normalized;  /* posting → its field's text for phrases, during one run */
  GPtrArray *warnings;     /* what the dataset does not have, during one run */
  guint fuzzy_words_left;  /* during one run */
  NichiroSearchStudy study;
  gpointer study_data;
  NichiroLanguage title_language;
  int first_year;          /* the span of the entries' dates */
  int last_year;
  guint n_runs;
};

typedef void (*NichiroSearchTokenFunc) (const char *token,
                                        gsize       length,
                                        gboolean    japanese,
                                        gpointer    user_data);

/* The index (nichiro-search-index.c) */
void        _nichiro_search_build_index        (NichiroSearch          *self);
void        _nichiro_search_tokenize           (const char             *text,
                                                NichiroSearchTokenFunc  func,
                                                gpointer                user_data);
void        _nichiro_search_add_names          (GPtrArray              *strings,
                                                const NichiroNames     *names);
void        _nichiro_search_collect_field      (NichiroSearch          *self,
                                                NichiroEntry           *entry,
                                                Field                   field,
                                                GPtrArray              *strings);
const char *_nichiro_search_fold_cached        (NichiroSearch          *self,
                                                const char             *text);

/* Matching text (nichiro-search-match.c) */
void        _nichiro_search_scores_init        (Scores                 *scores,
                                                guint                   n_documents);
void        _nichiro_search_scores_reset       (Scores                 *scores);
void        _nichiro_search_scores_clear       (Scores                 *scores);
void        _nichiro_search_score_text         (NichiroSearch          *self,
                                                const char             *text,
                                                gboolean                phrase,
                                                guint                   fields,
                                                Scores                 *scores,
                                                Needles                *needles);
void        _nichiro_search_score_notes        (NichiroSearch          *self,
                                                const char             *text,
                                                Scores                 *scores);

/* Evaluating a query (nichiro-search-terms.c) */
GArray     *_nichiro_search_evaluate           (NichiroSearch          *self,
                                                NichiroQuery           *query,
                                                Needles                *needles);

/* Highlighting (nichiro-search-highlight.c) */
void        _nichiro_search_decorate           (NichiroSearch          *self,
                                                NichiroSearchResult    *result,
                                                const Needles          *needles);

/* Misspellings (nichiro-search-typos.c) */
guint       _nichiro_search_typo_allowance     (guint                   n_chars);
void        _nichiro_search_for_each_near_word (GPtrArray              *vocabulary,
                                                const char             *word,
                                                guint                   limit,
                                                void                  (*func) (Posting *posting,
                                                                               guint    distance,
                                                                               gpointer data),
                                                gpointer                data);
char       *_nichiro_search_suggest_spelling   (NichiroSearch          *self,
                                                NichiroQuery           *query);

/* Asked of every character indexed or matched, and of every posting
 * scored: inline. */

static inline gboolean
_nichiro_search_is_japanese (gunichar c)
{
  if (c < 0x3000)
    return FALSE;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      /* The prolonged sound mark and the iteration mark are "common". */
      return c == 0x30FC || c == 0x3005;
    }
}

static inline gboolean
_nichiro_search_is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) && !_nichiro_search_is_japanese (c);
}

static inline void
_nichiro_search_scores_raise (Scores *scores,
                              guint   document,
                              double  score)
{
  if (scores->scores[document] == 0.0)
    g_array_append_val (scores->touched, document);
  if (score > scores->scores[document])
    scores->scores[document] = score;
}

G_END_DECLS
