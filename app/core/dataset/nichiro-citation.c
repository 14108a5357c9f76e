/* nichiro-citation.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-citation"

#include "config.h"

#include "nichiro-citation.h"

#include <string.h>

/* A reference to an entry and one of its sources, for a student's essay.
 * The sources in the dataset are a title and, mostly, an address: no
 * author, no date of their own. Citations are in English, as the
 * dataset's titles and sources are. */

static const char *month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/* "Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth,
 * 5 September 1905": what the entry is, without a full stop. */
static void
append_entry (GString        *out,
              NichiroDataset *dataset,
              NichiroEntry   *entry)
{
  const char * const *parties = nichiro_entry_get_parties (entry);
  g_autofree char *dates = nichiro_entry_dup_date_span (entry);
  const char *place = nichiro_entry_get_place (entry);

  g_string_append (out, nichiro_entry_get_title (entry));
  if (parties != NULL && parties[0] != NULL)
    {
      g_string_append (out, " (");
      for (guint i = 0; parties[i] != NULL; i++)
        {
          const NichiroState *state = nichiro_dataset_lookup_state (dataset, parties[i]);

          if (i > 0)
            g_string_append (out, "–");
          g_string_append (out, state ? state->name.en : parties[i]);
        }
      g_string_append_c (out, ')');
    }

  if (nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
    {
      g_string_append (out, ", signed");
      if (place != NULL)
        g_string_append_printf (out, " at %s", place);
    }
  g_string_append_printf (out, ", %s", dates);
}

static void
append_chicago (GString             *out,
                NichiroDataset      *dataset,
                NichiroEntry        *entry,
                const NichiroSource *source)
{
  append_entry (out, dataset, entry);
  g_string_append_c (out, '.');
  if (source != NULL && source->url != NULL)
    g_string_append_printf (out, " “%s,” %s.", source->title, source->url);
  else if (source != NULL)
    g_string_append_printf (out, " “%s.”", source->title);
  g_string_append_printf (out, " Cited from Nichiro, “%s” (dataset, %s).",
                          nichiro_dataset_get_title (dataset), nichiro_dataset_get_license (dataset));
}

/* APA 7 for a page with no author and no date that may change (most
 * sources are wiki and archive pages): "Title. (n.d.). Retrieved Month
 * D, YYYY, from URL". Without a source, the dataset is the work cited. */
static void
append_apa (GString             *out,
            NichiroDataset      *dataset,
            const NichiroSource *source,
            GDateTime           *accessed)
{
  const char *title = source != NULL ? source->title : nichiro_dataset_get_title (dataset);
  const char *url = source != NULL ? source->url : NULL;

  g_string_append (out, title);
  if (!g_str_has_suffix (title, ".") && !g_str_has_suffix (title, "?") && !g_str_has_suffix (title, "!"))
    g_string_append_c (out, '.');
  g_string_append (out, " (n.d.).");
  if (source == NULL)
    g_string_append_printf (out, " [Data set]. Nichiro. %s.", nichiro_dataset_get_license (dataset));
  else if (url != NULL)
    g_string_append_printf (out, " Retrieved %s %d, %d, from %s",
                            month_names[g_date_time_get_month (accessed) - 1],
                            g_date_time_get_day_of_month (accessed), g_date_time_get_year (accessed), url);
}

/* Text in a BibTeX field: its special characters as TeX reads them. */
static void
append_bibtex_text (GString    *out,
                    const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': case '%': case '$': case '#': case '_': case '{': case '}':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '~':
          g_string_append (out, "\\textasciitilde{}");
          break;
        case '^':
          g_string_append (out, "\\textasciicircum{}");
          break;
        case '\\':
          g_string_append (out, "\\textbackslash{}");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* An address as the url package reads it in a field: only "%" and "#"
 * would end or break it. */
static void
append_bibtex_url (GString    *out,
                   const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '#' || *p == '{' || *p == '}')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_bibtex (GString             *out,
               NichiroDataset      *dataset,
               NichiroEntry        *entry,
               const NichiroSource *source,
               guint                index,
               GDateTime           *accessed)
{
  g_autoptr(GString) about = g_string_new (NULL);
  g_autofree char *day = g_date_time_format (accessed, "%Y-%m-%d");

  /* The key is the entry's id, which is ASCII letters, digits and
   * hyphens, and the source's place in the entry's list. */
  g_string_append_printf (out, "@misc{%s-%u,\n", nichiro_entry_get_id (entry), index + 1);
  g_string_append (out, "  title = {{");
  append_bibtex_text (out, source != NULL ? source->title : nichiro_dataset_get_title (dataset));
  g_string_append (out, "}},\n");
  if (source != NULL && source->url != NULL)
    {
      g_string_append (out, "  url = {");
      append_bibtex_url (out, source->url);
      g_string_append_printf (out, "},\n  urldate = {%s},\n", day);
    }
  append_entry (about, dataset, entry);
  g_string_append_printf (about, ". Cited from Nichiro, “%s” (dataset, %s)",
                          nichiro_dataset_get_title (dataset), nichiro_dataset_get_license (dataset));
  g_string_append (out, "  note = {");
  append_bibtex_text (out, about->str);
  g_string_append (out, "},\n}\n");
}

/**
 * nichiro_citation_style_from_name:
 * @name: "chicago", "apa" or "bibtex"
 * @style: (out): the style named
 *
 * Returns: whether @name names a style
 */
gboolean
nichiro_citation_style_from_name (const char           *name,
                                  NichiroCitationStyle *style)
{
  static const char *names[] = { "chicago", "apa", "bibtex" };

  g_return_val_if_fail (style != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (name, names[i]) == 0)
        {
          *style = (NichiroCitationStyle) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * nichiro_citation_format:
 * @dataset: a dataset
 * @entry: one of its entries
 * @source: the index of the source cited among the entry's; the first if
 *   the entry has fewer
 * @style: the style
 * @accessed: the day the source is cited on, for APA and BibTeX
 *
 * A reference to @entry and one of its sources in @style. Chicago:
 * "Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth,
 * 5 September 1905. “Wikipedia: Treaty of Portsmouth,” https://….
 * Cited from Nichiro, “Japan–Russia Relations, 1855–1956” (dataset,
 * CC-BY-4.0)."
 *
 * Returns: (transfer full): the citation
 */
char *
nichiro_citation_format (NichiroDataset       *dataset,
                         NichiroEntry         *entry,
                         guint                 source,
                         NichiroCitationStyle  style,
                         GDateTime            *accessed)
{
  GString *out = g_string_new (NULL);
  const NichiroSource *sources;
  const NichiroSource *cited = NULL;
  guint n_sources;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), NULL);
  g_return_val_if_fail (accessed != NULL, NULL);

  sources = nichiro_entry_get_sources (entry, &n_sources);
  if (n_sources > 0)
    {
      if (source >= n_sources)
        source = 0;
      cited = &sources[source];
    }

  switch (style)
    {
    case NICHIRO_CITATION_APA:
      append_apa (out, dataset, cited, accessed);
      break;
    case NICHIRO_CITATION_BIBTEX:
      append_bibtex (out, dataset, entry, cited, cited != NULL ? source : 0, accessed);
      break;
    case NICHIRO_CITATION_CHICAGO:
    default:
      append_chicago (out, dataset, entry, cited);
      break;
    }

  return g_string_free (out, FALSE);
}
