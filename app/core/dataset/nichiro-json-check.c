/* nichiro-json-check.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-json-check"

#include "config.h"

#include <string.h>

#include "nichiro-error.h"
#include "nichiro-json-check.h"

/* json-glib builds a tree without source positions, so when a check fails we
 * find the value again in the text by following its JSON path. That happens
 * only on error, which keeps the loader's fast path free of bookkeeping. */

typedef struct
{
  char *member;
  guint index;
} Segment;

typedef struct
{
  char *path;
  char *message;
} Problem;

struct _NichiroJsonChecker
{
  GArray *segments;
  GPtrArray *problems;
  guint max_problems;
  guint n_problems;
};

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_clear_pointer (&segment->member, g_free);
}

static void
problem_free (gpointer data)
{
  Problem *problem = data;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static gboolean
is_plain_member (const char *member)
{
  if (member[0] == '\0')
    return FALSE;

  for (const char *p = member; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '$')
        return FALSE;
    }

  return TRUE;
}

static const char *
skip_ws (const char *p,
         const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* @p points at the opening quote; returns the position after the closing one. */
static const char *
skip_string (const char *p,
             const char *end)
{
  g_assert (p < end && *p == '"');

  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }

  return end;
}

static const char *
skip_value (const char *p,
            const char *end,
            guint       depth)
{
  p = skip_ws (p, end);
  if (p >= end)
    return end;

  if (*p == '"')
    return skip_string (p, end);

  if (*p == '{' || *p == '[')
    {
      char close = *p == '{' ? '}' : ']';

      if (depth > NICHIRO_JSON_MAX_DEPTH)
        return end;

      p = skip_ws (p + 1, end);
      while (p < end && *p != close)
        {
          if (*p == ',' || *p == ':')
            p = skip_ws (p + 1, end);
          else
            p = skip_ws (skip_value (p, end, depth + 1), end);
        }
      return p < end ? p + 1 : end;
    }

  /* Always move on, even over a stray closer, so callers' loops end. */
  do
    p++;
  while (p < end && strchr (",]}: \t\r\n", *p) == NULL);
  return p;
}

/* Reads the four hex digits of a \uXXXX escape at @p, or returns -1. */
static gint32
read_unicode_escape (const char *p,
                     const char *end)
{
  gint32 value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Checks the escape at @p (a backslash inside a string); returns how many
 * bytes it spans, or 0 when it is not one that JSON allows. json-glib 1.6
 * accepts more (octal escapes, lone surrogates), and what it makes of them
 * is not always valid UTF-8. */
static gsize
check_escape (const char *p,
              const char *end)
{
  gint32 unit, low;

  if (p + 1 >= end)
    return 0;
  if (p[1] != 'u')
    return strchr ("\"\\/bfnrt", p[1]) != NULL && p[1] != '\0' ? 2 : 0;

  unit = read_unicode_escape (p, end);
  if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    return 0;
  if (unit < 0xD800 || unit > 0xDBFF)
    return 6;

  low = read_unicode_escape (p + 6, end);
  return low >= 0xDC00 && low <= 0xDFFF ? 12 : 0;
}

static gboolean
fail_at (const char  *text,
         const char  *at,
         const char  *display_name,
         const char  *message,
         GError     **error)
{
  guint line, column;

  nichiro_json_offset_to_position (text, at - text, &line, &column);
  g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_SYNTAX, "%s:%u:%u: %s",
               display_name, line, column, message);
  return FALSE;
}

/* Compares the raw text of a member name with @name. Escaped names will not
 * match, which only costs precision: the object itself is reported then. */
static gboolean
key_equals (const char *key_start,
            const char *key_end,
            const char *name)
{
  gsize len = strlen (name);

  return (gsize) (key_end - key_start) == len && memcmp (key_start, name, len) == 0;
}

static const char *
find_member (const char *p,
             const char *end,
             const char *name)
{
  g_assert (*p == '{');

  p = skip_ws (p + 1, end);
  while (p < end && *p == '"')
    {
      const char *key_start = p + 1;
      const char *key_end;

      p = skip_string (p, end);
      key_end = p - 1;
      p = skip_ws (p, end);
      if (p >= end || *p != ':')
        return NULL;
      p = skip_ws (p + 1, end);
      if (key_equals (key_start, key_end, name))
        return p;
      p = skip_ws (skip_value (p, end, 1), end);
      if (p < end && *p == ',')
        p = skip_ws (p + 1, end);
    }

  return NULL;
}

static const char *
find_index (const char *p,
            const char *end,
            guint       index)
{
  g_assert (*p == '[');

  p = skip_ws (p + 1, end);
  for (guint i = 0; p < end && *p != ']'; i++)
    {
      if (i == index)
        return p;
      p = skip_ws (skip_value (p, end, 1), end);
      if (p < end && *p == ',')
        p = skip_ws (p + 1, end);
    }

  return NULL;
}

/* Reads one segment of a path made by nichiro_json_checker_dup_path(). */
static gboolean
next_segment (const char **path,
              char       **out_member,
              guint       *out_index)
{
  const char *p = *path;

  *out_member = NULL;
  *out_index = 0;

  if (*p == '.')
    {
      const char *start = ++p;

      while (*p && *p != '.' && *p != '[')
        p++;
      *out_member = g_strndup (start, p - start);
    }
  else if (p[0] == '[' && p[1] == '"')
    {
      GString *member = g_string_new (NULL);

      for (p += 2; *p && *p != '"'; p++)
        {
          if (*p == '\\' && p[1])
            p++;
          g_string_append_c (member, *p);
        }
      if (p[0] != '"' || p[1] != ']')
        {
          g_string_free (member, TRUE);
          return FALSE;
        }
      p += 2;
      *out_member = g_string_free (member, FALSE);
    }
  else if (*p == '[')
    {
      char *after = NULL;
      guint64 value = g_ascii_strtoull (p + 1, &after, 10);

      if (after == p + 1 || *after != ']' || value > G_MAXUINT)
        return FALSE;
      *out_index = (guint) value;
      p = after + 1;
    }
  else
    {
      return FALSE;
    }

  *path = p;
  return TRUE;
}

/**
 * nichiro_json_prescan:
 * @text: the document
 * @length: its length in bytes
 * @display_name: how to name the document in messages
 * @error: return location for a %NICHIRO_ERROR
 *
 * Checks what the JSON parser should never be handed: text that is empty,
 * not UTF-8 (or holds NUL bytes), nested deeper than
 * %NICHIRO_JSON_MAX_DEPTH, or outside strict JSON where json-glib is
 * lenient (comments, escapes JSON does not have, lone surrogates, control
 * characters in strings, more text after the document).
 *
 * Returns: %TRUE if the text may be parsed
 */
gboolean
nichiro_json_prescan (const char  *text,
                      gsize        length,
                      const char  *display_name,
                      GError     **error)
{
  const char *invalid = NULL;
  const char *end = text + length;
  const char *first;
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line, column;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  first = skip_ws (text, end);
  if (first == end)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_SYNTAX,
                   "%s:1:1: the file is empty; expected a JSON dataset object",
                   display_name);
      return FALSE;
    }

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      nichiro_json_offset_to_position (text, invalid - text, &line, &column);
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_ENCODING,
                   "%s:%u:%u: the text is not valid UTF-8 (byte 0x%02x at offset %"
                   G_GSIZE_FORMAT "); save the file as UTF-8",
                   display_name, line, column, (guint) (guchar) *invalid,
                   (gsize) (invalid - text));
      return FALSE;
    }

  /* A document that is a single plain value ends with that value. */
  if (*first != '{' && *first != '[')
    {
      const char *rest = skip_ws (skip_value (first, end, 1), end);

      if (rest != end)
        return fail_at (text, rest, display_name, "unexpected text after the end of the document", error);
    }

  for (const char *p = text; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\')
            {
              gsize span = check_escape (p, end);

              if (span == 0)
                return fail_at (text, p, display_name,
                                "this escape is not valid JSON (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t "
                                "or \\u followed by four hex digits, surrogates in pairs)",
                                error);
              p += span - 1;
            }
          else if (*p == '"')
            {
              in_string = FALSE;
            }
          else if ((guchar) *p < 0x20)
            {
              return fail_at (text, p, display_name,
                              "a control character (such as a line break) inside a string; write it as an escape",
                              error);
            }
        }
      else if (*p == '"')
        {
          in_string = TRUE;
        }
      else if (*p == '/' || *p == '#')
        {
          return fail_at (text, p, display_name, "JSON has no comments", error);
        }
      else if (*p == '{' || *p == '[')
        {
          if (++depth > NICHIRO_JSON_MAX_DEPTH)
            {
              g_autofree char *message = g_strdup_printf ("values are nested more than %d levels deep",
                                                          NICHIRO_JSON_MAX_DEPTH);

              return fail_at (text, p, display_name, message, error);
            }
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        {
          const char *rest;

          if (--depth == 0 && (rest = skip_ws (p + 1, end)) != end)
            return fail_at (text, rest, display_name, "unexpected text after the end of the document", error);
        }
    }

  return TRUE;
}

/**
 * nichiro_json_offset_to_position:
 * @text: valid UTF-8 text
 * @offset: a byte offset into @text
 * @out_line: (out): the 1-based line
 * @out_column: (out): the 1-based column, in characters
 */
void
nichiro_json_offset_to_position (const char *text,
                                 gsize       offset,
                                 guint      *out_line,
                                 guint      *out_column)
{
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) text[i] & 0xC0) != 0x80)
        {
          column++;
        }
    }

  *out_line = line;
  *out_column = column;
}

/**
 * nichiro_json_locate:
 * @text: a syntactically valid JSON document
 * @length: its length
 * @path: a path such as `$.entries[12].date`
 * @out_line: (out): where the value at @path starts
 * @out_column: (out): likewise
 *
 * Finds the value a path names, or the deepest ancestor that exists.
 *
 * Returns: %TRUE if the whole path was found
 */
gboolean
nichiro_json_locate (const char *text,
                     gsize       length,
                     const char *path,
                     guint      *out_line,
                     guint      *out_column)
{
  const char *end = text + length;
  const char *p;
  gboolean found = TRUE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (path != NULL && path[0] == '$', FALSE);

  p = skip_ws (text, end);
  path++;

  while (*path && p < end)
    {
      g_autofree char *member = NULL;
      const char *next = NULL;
      guint index;

      if (!next_segment (&path, &member, &index))
        {
          found = FALSE;
          break;
        }

      if (member != NULL && *p == '{')
        next = find_member (p, end, member);
      else if (member == NULL && *p == '[')
        next = find_index (p, end, index);

      if (next == NULL)
        {
          found = FALSE;
          break;
        }
      p = next;
    }

  nichiro_json_offset_to_position (text, MIN (p, end) - text, out_line, out_column);
  return found;
}

NichiroJsonChecker *
nichiro_json_checker_new (guint max_problems)
{
  NichiroJsonChecker *self = g_new0 (NichiroJsonChecker, 1);

  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->max_problems = MAX (max_problems, 1);

  return self;
}

void
nichiro_json_checker_free (NichiroJsonChecker *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->segments);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

void
nichiro_json_checker_push_member (NichiroJsonChecker *self,
                                  const char         *member)
{
  Segment segment = { g_strdup (member), 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (member != NULL);

  g_array_append_val (self->segments, segment);
}

void
nichiro_json_checker_push_index (NichiroJsonChecker *self,
                                 guint               index)
{
  Segment segment = { NULL, index };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->segments, segment);
}

void
nichiro_json_checker_pop (NichiroJsonChecker *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->segments->len > 0);

  g_array_set_size (self->segments, self->segments->len - 1);
}

char *
nichiro_json_checker_dup_path (NichiroJsonChecker *self)
{
  GString *path = g_string_new ("$");

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);

      if (segment->member == NULL)
        {
          g_string_append_printf (path, "[%u]", segment->index);
        }
      else if (is_plain_member (segment->member))
        {
          g_string_append_printf (path, ".%s", segment->member);
        }
      else
        {
          g_string_append (path, "[\"");
          for (const char *p = segment->member; *p; p++)
            {
              if (*p == '"' || *p == '\\')
                g_string_append_c (path, '\\');
              g_string_append_c (path, *p);
            }
          g_string_append (path, "\"]");
        }
    }

  return g_string_free (path, FALSE);
}

void
nichiro_json_checker_add (NichiroJsonChecker *self,
                          const char         *format,
                          ...)
{
  Problem *problem;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  self->n_problems++;
  if (self->problems->len >= self->max_problems)
    return;

  problem = g_new0 (Problem, 1);
  problem->path = nichiro_json_checker_dup_path (self);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, problem);
}

guint
nichiro_json_checker_get_n_problems (NichiroJsonChecker *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_problems;
}

/**
 * nichiro_json_checker_report:
 * @self: a checker
 * @display_name: how to name the document
 * @text: the document the checks ran over
 * @length: its length
 * @error: return location for a %NICHIRO_ERROR_INVALID error
 *
 * Turns the problems found into one error, a line per problem in the
 * `FILE:LINE:COLUMN: PATH: message` form that editors understand.
 *
 * Returns: %TRUE if there were no problems
 */
gboolean
nichiro_json_checker_report (NichiroJsonChecker  *self,
                             const char          *display_name,
                             const char          *text,
                             gsize                length,
                             GError             **error)
{
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if (self->n_problems == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const Problem *problem = g_ptr_array_index (self->problems, i);
      guint line = 0, column = 0;

      if (text != NULL)
        nichiro_json_locate (text, length, problem->path, &line, &column);
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append_printf (message, "%s:%u:%u: %s: %s",
                              display_name, line, column,
                              problem->path, problem->message);
    }

  if (self->n_problems > self->problems->len)
    g_string_append_printf (message, "\n%s: %u more problems not shown",
                            display_name, self->n_problems - self->problems->len);

  g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, message->str);
  return FALSE;
}
