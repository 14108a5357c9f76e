/* nichiro-query.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-query"

#include "config.h"

#include "nichiro-query.h"
#include "nichiro-text.h"

#include <glib/gi18n.h>

#include <string.h>

/* The query language: plain words (all must match), "quoted phrases",
 * -excluded terms, OR between terms, and FIELD:VALUE filters. Parsing never
 * fails: whatever cannot be understood is left out and said in a warning,
 * and the rest is searched. */

struct _NichiroQuery
{
  GPtrArray *clauses;      /* GArray of NichiroTerm, alternatives joined by OR */
  NichiroScope scope;
  GPtrArray *warnings;
};

typedef struct
{
  const char *name;
  NichiroTermType type;
} FieldName;

static const FieldName field_names[] = {
  { "kind", NICHIRO_TERM_KIND },
  { "party", NICHIRO_TERM_PARTY },
  { "signer", NICHIRO_TERM_SIGNER },
  { "signatory", NICHIRO_TERM_SIGNER },
  { "place", NICHIRO_TERM_PLACE },
  { "thread", NICHIRO_TERM_THREAD },
  { "year", NICHIRO_TERM_YEAR },
  { "is", NICHIRO_TERM_IS },
};

static const struct
{
  const char *name;
  NichiroScope scope;
} scope_names[] = {
  { "title", NICHIRO_SCOPE_TITLE },
  { "articles", NICHIRO_SCOPE_ARTICLES },
  { "article", NICHIRO_SCOPE_ARTICLES },
  { "summary", NICHIRO_SCOPE_SUMMARY },
  { "notes", NICHIRO_SCOPE_NOTES },
};

typedef struct
{
  char *text;
  gboolean quoted;
  gboolean negated;
  char *field;      /* the part before ':', when there is one */
} Token;

static void
term_clear (gpointer data)
{
  NichiroTerm *term = data;

  g_clear_pointer (&term->text, g_free);
  g_clear_pointer (&term->raw, g_free);
}

static void
token_clear (Token *token)
{
  g_clear_pointer (&token->text, g_free);
  g_clear_pointer (&token->field, g_free);
}

static void
add_warning (NichiroQuery *self,
             const char   *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_warning (NichiroQuery *self,
             const char   *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

/* Only letters before a colon make a field: "10:30" stays a word. */
static gboolean
is_field_name (const char *text)
{
  if (text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;

  return TRUE;
}

/* Reads a quoted run starting after the opening quote. */
static char *
read_quoted (NichiroQuery  *self,
             const char   **p)
{
  const char *start = *p;
  const char *end = strchr (start, '"');

  if (end == NULL)
    {
      add_warning (self, _("The closing quote is missing; searched for “%s” as a phrase."), start);
      *p = start + strlen (start);
      return g_strdup (start);
    }

  *p = end + 1;
  return g_strndup (start, end - start);
}

/* Splits the text into tokens, keeping quoted runs whole. */
static GArray *
tokenize (NichiroQuery *self,
          const char   *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);

  while (*p)
    {
      Token token = { 0, };
      GString *word;

      while (*p && is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      if (*p == '-' && p[1] != '\0' && !is_space (g_utf8_get_char (p + 1)))
        {
          token.negated = TRUE;
          p++;
        }

      word = g_string_new (NULL);
      while (*p && !is_space (g_utf8_get_char (p)))
        {
          if (*p == '"')
            {
              g_autofree char *quoted = NULL;

              p++;
              quoted = read_quoted (self, &p);
              token.quoted = TRUE;
              g_string_append (word, quoted);
              continue;
            }

          if (*p == ':' && token.field == NULL && !token.quoted && is_field_name (word->str))
            {
              token.field = g_string_free (word, FALSE);
              word = g_string_new (NULL);
              p++;
              continue;
            }

          g_string_append_unichar (word, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }

      token.text = g_string_free (word, FALSE);
      g_array_append_val (tokens, token);
    }

  return tokens;
}

static gboolean
parse_year (const char *text,
            int        *out_year)
{
  guint64 value;

  if (text[0] == '\0')
    {
      *out_year = 0;
      return TRUE;
    }

  if (strlen (text) > 4 || !g_ascii_string_to_unsigned (text, 10, 1, 9999, &value, NULL))
    return FALSE;

  *out_year = (int) value;
  return TRUE;
}

static gboolean
parse_years (const char *text,
             int        *out_from,
             int        *out_to)
{
  const char *dots = strstr (text, "..");
  g_autofree char *from = NULL;

  if (dots == NULL)
    {
      if (!parse_year (text, out_from) || *out_from == 0)
        return FALSE;
      *out_to = *out_from;
      return TRUE;
    }

  from = g_strndup (text, dots - text);
  if (!parse_year (from, out_from) || !parse_year (dots + 2, out_to))
    return FALSE;
  if (*out_from == 0 && *out_to == 0)
    return FALSE;
  if (*out_from != 0 && *out_to != 0 && *out_from > *out_to)
    {
      int swap = *out_from;

      *out_from = *out_to;
      *out_to = swap;
    }
  return TRUE;
}

static gboolean
lookup_field (const char      *name,
              NichiroTermType *out_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    {
      if (g_ascii_strcasecmp (field_names[i].name, name) == 0)
        {
          *out_type = field_names[i].type;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * nichiro_query_kind_matches:
 * @text: the folded value of a kind: term
 * @kind: a kind of entry
 *
 * Returns: whether `kind:TEXT` finds entries of @kind: TEXT begins its
 *   name (`treaty`) or its label in the interface's language, or
 *   `instrument`, which names the six kinds of written instruments
 */
gboolean
nichiro_query_kind_matches (const char       *text,
                            NichiroEntryKind  kind)
{
  g_autofree char *label = NULL;
  g_autofree char *singular = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (kind < NICHIRO_N_ENTRY_KINDS, FALSE);

  /* "kind:treaties" as well as "kind:treaty". */
  length = strlen (text);
  if (g_str_has_suffix (text, "ies"))
    singular = g_strdup_printf ("%.*sy", (int) (length - 3), text);
  else if (length > 1 && g_str_has_suffix (text, "s"))
    singular = g_strndup (text, length - 1);
  if (singular != NULL && nichiro_query_kind_matches (singular, kind))
    return TRUE;

  if (g_str_has_prefix (nichiro_entry_kind_to_string (kind), text) ||
      (g_str_has_prefix ("instrument", text) && nichiro_entry_kind_is_instrument (kind)))
    return TRUE;

  label = nichiro_text_fold (nichiro_entry_kind_get_label (kind));
  return g_str_has_prefix (label, text);
}

static gboolean
names_a_kind (const char *text)
{
  for (NichiroEntryKind kind = 0; kind < NICHIRO_N_ENTRY_KINDS; kind++)
    if (nichiro_query_kind_matches (text, kind))
      return TRUE;

  return FALSE;
}

static gboolean
has_letter_or_digit (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Makes a term of a token; returns FALSE when the token says nothing. */
static gboolean
make_term (NichiroQuery *self,
           const Token  *token,
           NichiroTerm  *term)
{
  NichiroTermType type = NICHIRO_TERM_TEXT;
  g_autofree char *folded = NULL;
  const char *value = token->text;

  memset (term, 0, sizeof *term);
  term->negated = token->negated;
  term->phrase = token->quoted;

  if (token->field != NULL)
    {
      if (g_ascii_strcasecmp (token->field, "in") == 0)
        {
          for (guint i = 0; i < G_N_ELEMENTS (scope_names); i++)
            {
              if (g_ascii_strcasecmp (scope_names[i].name, value) == 0)
                {
                  self->scope = scope_names[i].scope;
                  return FALSE;
                }
            }
          add_warning (self, _("Ignored in:%s: words can be looked for in:title, in:articles, in:summary or in:notes."),
                       value);
          return FALSE;
        }

      if (!lookup_field (token->field, &type))
        {
          add_warning (self, _("Ignored %s:%s: the fields are kind, party, signer, place, thread, year and in."),
                       token->field, value);
          return FALSE;
        }

      if (value[0] == '\0')
        {
          add_warning (self, _("Ignored %s: with nothing after it."), token->field);
          return FALSE;
        }
    }

  term->type = type;
  term->raw = token->field ? g_strdup_printf ("%s:%s", token->field, value) : g_strdup (value);

  if (type == NICHIRO_TERM_IS)
    {
      static const char *states[] = { "studied", "unstudied", "bookmarked", "noted", NULL };
      g_autofree char *state = g_ascii_strdown (value, -1);

      if (!g_strv_contains (states, state))
        {
          add_warning (self, _("Ignored is:%s: write is:studied, is:unstudied, is:bookmarked or is:noted."), value);
          g_clear_pointer (&term->raw, g_free);
          return FALSE;
        }
      term->text = g_steal_pointer (&state);
      return TRUE;
    }

  if (type == NICHIRO_TERM_YEAR)
    {
      if (!parse_years (value, &term->year_from, &term->year_to))
        {
          add_warning (self, _("Ignored year:%s: write a year such as 1905 or a range such as 1904..1925."),
                       value);
          g_clear_pointer (&term->raw, g_free);
          return FALSE;
        }
      term->text = g_strdup (value);
      return TRUE;
    }

  folded = nichiro_text_fold (value);
  term->text = g_strdup (g_strstrip (folded));

  if (type == NICHIRO_TERM_KIND && !names_a_kind (term->text))
    {
      g_autoptr(GString) kinds = g_string_new (NULL);

      for (NichiroEntryKind kind = 0; kind < NICHIRO_N_ENTRY_KINDS; kind++)
        {
          if (kinds->len > 0)
            g_string_append (kinds, ", ");
          g_string_append (kinds, nichiro_entry_kind_to_string (kind));
        }
      add_warning (self, _("Ignored kind:%s: the kinds are %s; kind:instrument finds all six kinds of written instruments."),
                   value, kinds->str);
      term_clear (term);
      return FALSE;
    }

  /* A dash between words ("Вебера — Комуры") or other punctuation alone
   * asks for nothing. */
  if (!has_letter_or_digit (term->text))
    {
      term_clear (term);
      return FALSE;
    }

  return TRUE;
}

static gboolean
terms_equal (const NichiroTerm *a,
             const NichiroTerm *b)
{
  return a->type == b->type && a->phrase == b->phrase && a->negated == b->negated &&
         a->year_from == b->year_from && a->year_to == b->year_to && g_strcmp0 (a->text, b->text) == 0;
}

static gboolean
clause_has_term (GArray            *clause,
                 const NichiroTerm *term)
{
  for (guint i = 0; i < clause->len; i++)
    if (terms_equal (&g_array_index (clause, NichiroTerm, i), term))
      return TRUE;

  return FALSE;
}

/* Whether the query already has a clause of @term alone: "treaty treaty"
 * asks no more than "treaty", nor "war OR war" than "war", and searching
 * each again would only take time. */
static gboolean
has_clause (NichiroQuery      *self,
            const NichiroTerm *term)
{
  for (guint i = 0; i < self->clauses->len; i++)
    {
      GArray *clause = g_ptr_array_index (self->clauses, i);

      if (clause->len == 1 && terms_equal (&g_array_index (clause, NichiroTerm, 0), term))
        return TRUE;
    }

  return FALSE;
}

/**
 * nichiro_query_parse:
 * @text: what the person typed
 *
 * Parses a query. Never fails: parts that cannot be used are dropped and
 * described by nichiro_query_get_warnings(), and so is whatever lies past
 * %NICHIRO_QUERY_MAX_LENGTH characters or %NICHIRO_QUERY_MAX_TERMS terms.
 *
 * Returns: (transfer full): the query
 */
NichiroQuery *
nichiro_query_parse (const char *text)
{
  NichiroQuery *self = g_new0 (NichiroQuery, 1);
  g_autoptr(GArray) tokens = NULL;
  g_autofree char *truncated = NULL;
  GArray *clause = NULL;
  gboolean pending_or = FALSE;
  guint n_terms = 0;

  self->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      if (text != NULL)
        add_warning (self, _("The query is not valid text and was ignored."));
      g_ptr_array_add (self->warnings, NULL);
      return self;
    }

  /* Typing never waits for a pasted book: the rest is left out. */
  if (g_utf8_strlen (text, -1) > NICHIRO_QUERY_MAX_LENGTH)
    {
      truncated = g_strndup (text, g_utf8_offset_to_pointer (text, NICHIRO_QUERY_MAX_LENGTH) - text);
      text = truncated;
      add_warning (self, _("The query is longer than %d characters; only the first %d were searched."),
                   NICHIRO_QUERY_MAX_LENGTH, NICHIRO_QUERY_MAX_LENGTH);
    }

  tokens = tokenize (self, text);

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);
      NichiroTerm term;

      if (n_terms == NICHIRO_QUERY_MAX_TERMS)
        {
          add_warning (self, _("Only the first %d terms were searched; the rest of the query was ignored."),
                       NICHIRO_QUERY_MAX_TERMS);
          break;
        }

      if (!token->quoted && !token->negated && token->field == NULL && g_str_equal (token->text, "OR"))
        {
          if (clause == NULL)
            add_warning (self, _("Ignored an OR with nothing before it."));
          else
            pending_or = TRUE;
          continue;
        }

      if (!make_term (self, token, &term))
        continue;

      if (pending_or && clause != NULL && clause_has_term (clause, &term))
        {
          term_clear (&term);
        }
      else if (pending_or && clause != NULL)
        {
          n_terms++;
          g_array_append_val (clause, term);
        }
      else if (has_clause (self, &term))
        {
          term_clear (&term);
        }
      else
        {
          n_terms++;
          clause = g_array_new (FALSE, TRUE, sizeof (NichiroTerm));
          g_array_set_clear_func (clause, term_clear);
          g_array_append_val (clause, term);
          g_ptr_array_add (self->clauses, clause);
        }
      pending_or = FALSE;
    }

  if (pending_or)
    add_warning (self, _("Ignored an OR with nothing after it."));

  g_ptr_array_add (self->warnings, NULL);
  return self;
}

void
nichiro_query_free (NichiroQuery *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->clauses);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

guint
nichiro_query_get_n_clauses (NichiroQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->clauses->len;
}

guint
nichiro_query_get_n_alternatives (NichiroQuery *self,
                                  guint         clause)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (clause < self->clauses->len, 0);

  return ((GArray *) g_ptr_array_index (self->clauses, clause))->len;
}

const NichiroTerm *
nichiro_query_get_term (NichiroQuery *self,
                        guint         clause,
                        guint         alternative)
{
  GArray *terms;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (clause < self->clauses->len, NULL);

  terms = g_ptr_array_index (self->clauses, clause);
  g_return_val_if_fail (alternative < terms->len, NULL);

  return &g_array_index (terms, NichiroTerm, alternative);
}

NichiroScope
nichiro_query_get_scope (NichiroQuery *self)
{
  g_return_val_if_fail (self != NULL, NICHIRO_SCOPE_ALL);

  return self->scope;
}

/**
 * nichiro_query_get_warnings:
 * @self: a query
 *
 * Returns: (transfer none): what was ignored, one sentence each
 */
const char * const *
nichiro_query_get_warnings (NichiroQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->warnings->pdata;
}

/**
 * nichiro_query_is_empty:
 * @self: a query
 *
 * Returns: %TRUE if the query asks for nothing at all
 */
gboolean
nichiro_query_is_empty (NichiroQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->clauses->len == 0;
}

/**
 * nichiro_query_has_filters:
 * @self: a query
 *
 * Returns: %TRUE if the query has FIELD:VALUE terms or a scope
 */
gboolean
nichiro_query_has_filters (NichiroQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->scope != NICHIRO_SCOPE_ALL)
    return TRUE;

  for (guint c = 0; c < self->clauses->len; c++)
    {
      GArray *terms = g_ptr_array_index (self->clauses, c);

      for (guint a = 0; a < terms->len; a++)
        if (g_array_index (terms, NichiroTerm, a).type != NICHIRO_TERM_TEXT)
          return TRUE;
    }

  return FALSE;
}

static void
append_term (GString           *out,
             const NichiroTerm *term,
             gboolean           canonical)
{
  if (term->negated)
    g_string_append_c (out, '-');

  if (!canonical)
    {
      if (term->phrase && term->type == NICHIRO_TERM_TEXT)
        g_string_append_printf (out, "\"%s\"", term->raw);
      else
        g_string_append (out, term->raw);
      return;
    }

  switch (term->type)
    {
    case NICHIRO_TERM_KIND:
      g_string_append (out, "kind:");
      break;
    case NICHIRO_TERM_PARTY:
      g_string_append (out, "party:");
      break;
    case NICHIRO_TERM_SIGNER:
      g_string_append (out, "signer:");
      break;
    case NICHIRO_TERM_PLACE:
      g_string_append (out, "place:");
      break;
    case NICHIRO_TERM_THREAD:
      g_string_append (out, "thread:");
      break;
    case NICHIRO_TERM_IS:
      g_string_append (out, "is:");
      break;
    case NICHIRO_TERM_YEAR:
      g_string_append_printf (out, "year:%d..%d", term->year_from, term->year_to);
      return;
    case NICHIRO_TERM_TEXT:
    default:
      break;
    }

  if (term->phrase)
    g_string_append_printf (out, "\"%s\"", term->text);
  else
    g_string_append (out, term->text);
}

/**
 * nichiro_query_to_string:
 * @self: a query
 *
 * Returns: (transfer full): the query as understood, e.g.
 *   `portsmouth (witte OR rosen) -war year:1904..1925`
 */
char *
nichiro_query_to_string (NichiroQuery *self)
{
  static const char *scopes[] = { NULL, "title", "articles", "summary", "notes" };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint c = 0; c < self->clauses->len; c++)
    {
      GArray *terms = g_ptr_array_index (self->clauses, c);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (terms->len > 1)
        g_string_append_c (out, '(');
      for (guint a = 0; a < terms->len; a++)
        {
          if (a > 0)
            g_string_append (out, " OR ");
          append_term (out, &g_array_index (terms, NichiroTerm, a), TRUE);
        }
      if (terms->len > 1)
        g_string_append_c (out, ')');
    }

  if (self->scope != NICHIRO_SCOPE_ALL)
    g_string_append_printf (out, "%sin:%s", out->len ? " " : "", scopes[self->scope]);

  return g_string_free (out, FALSE);
}

/**
 * nichiro_query_dup_without_filters:
 * @self: a query
 *
 * Returns: (transfer full): the query's words as typed, without its
 *   FIELD:VALUE filters, for suggesting a broader search
 */
char *
nichiro_query_dup_without_filters (NichiroQuery *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint c = 0; c < self->clauses->len; c++)
    {
      GArray *terms = g_ptr_array_index (self->clauses, c);
      gboolean first = TRUE;

      for (guint a = 0; a < terms->len; a++)
        {
          const NichiroTerm *term = &g_array_index (terms, NichiroTerm, a);

          if (term->type != NICHIRO_TERM_TEXT)
            continue;
          if (out->len > 0)
            g_string_append (out, first ? " " : " OR ");
          append_term (out, term, FALSE);
          first = FALSE;
        }
    }

  return g_string_free (out, FALSE);
}
