/* nichiro-query.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nichiro-entry.h"

G_BEGIN_DECLS

/* A query is searched up to this many characters... */
#define NICHIRO_QUERY_MAX_LENGTH 2000
/* ...and up to this many terms (words, phrases, filters, alternatives). */
#define NICHIRO_QUERY_MAX_TERMS 64

/* What a term looks for. Plain words and phrases search every field unless
 * the query says `in:FIELD`; the others name their field. */
typedef enum
{
  NICHIRO_TERM_TEXT,        /* a word, or a "quoted phrase" */
  NICHIRO_TERM_KIND,        /* kind:treaty */
  NICHIRO_TERM_PARTY,       /* party:ussr */
  NICHIRO_TERM_SIGNER,      /* signer:molotov */
  NICHIRO_TERM_PLACE,       /* place:moscow */
  NICHIRO_TERM_THREAD,      /* thread:kurils */
  NICHIRO_TERM_YEAR,        /* year:1905, year:1904..1925 */
  NICHIRO_TERM_IS,          /* is:noted and friends, answered by the study store */
} NichiroTermType;

/* Where plain words are looked for, set with in:FIELD. */
typedef enum
{
  NICHIRO_SCOPE_ALL,
  NICHIRO_SCOPE_TITLE,
  NICHIRO_SCOPE_ARTICLES,
  NICHIRO_SCOPE_SUMMARY,
  NICHIRO_SCOPE_NOTES,
} NichiroScope;

/**
 * NichiroTerm:
 * @type: what the term looks for
 * @text: the folded text to look for (for every type but %NICHIRO_TERM_YEAR)
 * @raw: the term as typed, for messages
 * @phrase: whether @text was quoted
 * @negated: whether the term excludes (`-word`)
 * @year_from: first year for %NICHIRO_TERM_YEAR (0: open)
 * @year_to: last year for %NICHIRO_TERM_YEAR (0: open)
 */
typedef struct
{
  NichiroTermType type;
  char *text;
  char *raw;
  gboolean phrase;
  gboolean negated;
  int year_from;
  int year_to;
} NichiroTerm;

typedef struct _NichiroQuery NichiroQuery;

NichiroQuery       *nichiro_query_parse              (const char   *text);
void                nichiro_query_free               (NichiroQuery *self);
guint               nichiro_query_get_n_clauses      (NichiroQuery *self);
guint               nichiro_query_get_n_alternatives (NichiroQuery *self,
                                                      guint         clause);
const NichiroTerm  *nichiro_query_get_term           (NichiroQuery *self,
                                                      guint         clause,
                                                      guint         alternative);
NichiroScope        nichiro_query_get_scope          (NichiroQuery *self);
const char * const *nichiro_query_get_warnings       (NichiroQuery *self);
gboolean            nichiro_query_is_empty           (NichiroQuery *self);
gboolean            nichiro_query_has_filters        (NichiroQuery *self);
char               *nichiro_query_to_string          (NichiroQuery *self);
char               *nichiro_query_dup_without_filters (NichiroQuery *self);

gboolean            nichiro_query_kind_matches       (const char       *text,
                                                      NichiroEntryKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroQuery, nichiro_query_free)

G_END_DECLS
