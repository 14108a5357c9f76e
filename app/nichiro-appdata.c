/* nichiro-appdata.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-appdata"

#include "config.h"

#include "nichiro-appdata.h"

#include <string.h>

/* What the AppStream metainfo says about the program, read with GMarkup so
 * the About window needs neither libappstream nor a libadwaita newer than
 * Debian's. The metainfo merged with the catalogues carries each
 * translation beside the English text, marked with xml:lang; the reader
 * keeps the one its language list prefers. */

struct _NichiroAppdata
{
  GObject parent_instance;

  char *id;
  char *name;
  char *summary;
  char *developer_name;
  char *project_license;
  char *homepage;
  char *bugtracker;
  char *release_version;
  char *release_notes;
};

G_DEFINE_FINAL_TYPE (NichiroAppdata, nichiro_appdata, G_TYPE_OBJECT)

/* Metainfo larger than this is refused unread; ours is a few KiB. */
#define MAX_SIZE (1024 * 1024)

/* One text in several languages: the variant kept is the one whose
 * language comes first in the reader's list. */
typedef struct
{
  char *text;
  guint rank;
} Localized;

#define LOCALIZED_INIT { NULL, G_MAXUINT }

typedef struct
{
  const char * const *languages;
  gboolean seen_root;

  char *id;
  Localized name;
  Localized summary;
  Localized developer;          /* <developer><name> */
  Localized developer_legacy;   /* <developer_name>, before AppStream 1.0 */
  char *project_license;
  char *homepage;
  char *bugtracker;

  /* The text of the simple element being read, and where it goes. */
  GString *text;
  gboolean text_pending_space;
  guint text_nesting;
  char **text_plain;
  Localized *text_localized;
  guint text_rank;

  /* The newest release, which AppStream lists first. */
  guint n_releases;
  char *release_version;

  /* Its description, as release notes: the paragraphs and lists read so
   * far, the list and the paragraph or item being read, and the variant
   * chosen among the last untranslated block and its translations. */
  gboolean in_notes;
  guint notes_depth;
  GString *notes;
  GString *list;
  const char *list_tag;
  guint list_depth;
  GString *block;
  const char *block_tag;
  guint block_depth;
  guint block_rank;
  gboolean block_pending_space;
  Localized group;
  const char *group_tag;
} ParseData;

static void
localized_clear (Localized *localized)
{
  g_clear_pointer (&localized->text, g_free);
  localized->rank = G_MAXUINT;
}

/* Keeps @text (taking it) if its language is preferred to the one kept. */
static void
localized_offer (Localized *localized,
                 char      *text,
                 guint      rank)
{
  if (rank < localized->rank)
    {
      g_free (localized->text);
      localized->text = text;
      localized->rank = rank;
    }
  else
    {
      g_free (text);
    }
}

/* Where @lang comes in @languages: the untranslated text (@lang NULL) is
 * the "C" locale's and comes last if the list does not name "C"; a
 * language not in the list is never wanted. */
static guint
language_rank (const char * const *languages,
               const char         *lang)
{
  guint i;

  for (i = 0; languages[i] != NULL; i++)
    {
      if (strcmp (languages[i], lang != NULL ? lang : "C") == 0)
        return i;
    }

  return lang == NULL ? i : G_MAXUINT;
}

static const char *
lookup_attribute (const char **names,
                  const char **values,
                  const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], wanted) == 0)
        return values[i];
    }

  return NULL;
}

/* Whether the open elements, innermost first, are exactly the ones named. */
G_GNUC_NULL_TERMINATED static gboolean
path_is (GMarkupParseContext *context,
         ...)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  gboolean matches = TRUE;
  const char *name;
  va_list args;

  va_start (args, context);
  for (name = va_arg (args, const char *); name != NULL; name = va_arg (args, const char *))
    {
      if (stack == NULL || strcmp (stack->data, name) != 0)
        {
          matches = FALSE;
          break;
        }
      stack = stack->next;
    }
  va_end (args);

  return matches && stack == NULL;
}

/* Appends @text to @out with each run of white space made one space and
 * none at the start; a space at the end waits in @pending_space until
 * more text follows. */
static void
append_collapsed (GString    *out,
                  const char *text,
                  gsize       length,
                  gboolean    escape,
                  gboolean   *pending_space)
{
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *word = p;

      if (g_ascii_isspace (*p))
        {
          *pending_space = TRUE;
          p++;
          continue;
        }

      while (p < end && !g_ascii_isspace (*p))
        p++;

      if (*pending_space && out->len > 0)
        g_string_append_c (out, ' ');
      *pending_space = FALSE;

      if (escape)
        {
          g_autofree char *escaped = g_markup_escape_text (word, p - word);

          g_string_append (out, escaped);
        }
      else
        {
          g_string_append_len (out, word, p - word);
        }
    }
}

static void
begin_text (ParseData *data,
            char     **plain,
            Localized *localized,
            guint      rank)
{
  data->text = g_string_new (NULL);
  data->text_pending_space = FALSE;
  data->text_nesting = 0;
  data->text_plain = plain;
  data->text_localized = localized;
  data->text_rank = rank;
}

static void
end_text (ParseData *data)
{
  g_autoptr(GString) text = g_steal_pointer (&data->text);

  if (text->len == 0)
    return;

  if (data->text_plain != NULL)
    {
      g_free (*data->text_plain);
      *data->text_plain = g_strdup (text->str);
    }
  else
    {
      localized_offer (data->text_localized, g_strdup (text->str), data->text_rank);
    }
}

/* Writes out the chosen variant of the last block, in the list being
 * read or in the notes. */
static void
flush_group (ParseData *data)
{
  GString *out = data->list != NULL ? data->list : data->notes;

  if (data->group.text != NULL)
    g_string_append (out, data->group.text);
  localized_clear (&data->group);
  data->group_tag = NULL;
}

static void
begin_block (ParseData  *data,
             const char *tag,
             const char *lang)
{
  /* An untranslated block starts a new group; its translations follow it. */
  if (lang == NULL || g_strcmp0 (data->group_tag, tag) != 0)
    flush_group (data);

  data->group_tag = tag;
  data->block = g_string_new (NULL);
  data->block_tag = tag;
  data->block_depth = data->notes_depth;
  data->block_rank = language_rank (data->languages, lang);
  data->block_pending_space = FALSE;
}

static void
end_block (ParseData *data)
{
  g_autoptr(GString) block = g_steal_pointer (&data->block);

  if (block->len > 0)
    localized_offer (&data->group,
                     g_strdup_printf ("<%s>%s</%s>", data->block_tag, block->str, data->block_tag),
                     data->block_rank);
}

static gboolean
is_inline (const char *element_name)
{
  return strcmp (element_name, "em") == 0 || strcmp (element_name, "code") == 0;
}

/* Release notes keep what AdwAboutWindow's release-notes can show:
 * paragraphs, lists and, inside them, emphasis and code. */
static void
start_notes_element (ParseData  *data,
                     const char *element_name,
                     const char *lang)
{
  data->notes_depth++;

  if (data->block != NULL)
    {
      if (is_inline (element_name))
        {
          if (data->block_pending_space && data->block->len > 0)
            g_string_append_c (data->block, ' ');
          data->block_pending_space = FALSE;
          g_string_append_printf (data->block, "<%s>", element_name);
        }
      return;
    }

  if (data->list == NULL && strcmp (element_name, "p") == 0)
    {
      begin_block (data, "p", lang);
    }
  else if (data->list != NULL && strcmp (element_name, "li") == 0)
    {
      begin_block (data, "li", lang);
    }
  else if (data->list == NULL && (strcmp (element_name, "ul") == 0 || strcmp (element_name, "ol") == 0))
    {
      flush_group (data);
      data->list = g_string_new (NULL);
      data->list_tag = strcmp (element_name, "ul") == 0 ? "ul" : "ol";
      data->list_depth = data->notes_depth;
    }
}

static void
end_notes_element (ParseData  *data,
                   const char *element_name)
{
  if (data->block != NULL)
    {
      if (data->notes_depth == data->block_depth)
        end_block (data);
      else if (is_inline (element_name))
        g_string_append_printf (data->block, "</%s>", element_name);
    }
  else if (data->list != NULL && data->notes_depth == data->list_depth)
    {
      g_autoptr(GString) list = NULL;

      flush_group (data);
      list = g_steal_pointer (&data->list);
      if (list->len > 0)
        g_string_append_printf (data->notes, "<%s>%s</%s>", data->list_tag, list->str, data->list_tag);
    }

  data->notes_depth--;
}

static void
parse_data_clear (ParseData *data)
{
  g_clear_pointer (&data->id, g_free);
  localized_clear (&data->name);
  localized_clear (&data->summary);
  localized_clear (&data->developer);
  localized_clear (&data->developer_legacy);
  g_clear_pointer (&data->project_license, g_free);
  g_clear_pointer (&data->homepage, g_free);
  g_clear_pointer (&data->bugtracker, g_free);
  if (data->text != NULL)
    g_string_free (g_steal_pointer (&data->text), TRUE);
  g_clear_pointer (&data->release_version, g_free);
  if (data->notes != NULL)
    g_string_free (g_steal_pointer (&data->notes), TRUE);
  if (data->list != NULL)
    g_string_free (g_steal_pointer (&data->list), TRUE);
  if (data->block != NULL)
    g_string_free (g_steal_pointer (&data->block), TRUE);
  localized_clear (&data->group);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  ParseData *data = user_data;
  const char *lang = lookup_attribute (attribute_names, attribute_values, "xml:lang");

  if (lang != NULL && *lang == '\0')
    lang = NULL;

  if (!data->seen_root)
    {
      if (strcmp (element_name, "component") != 0)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     "the document is <%s>, not an AppStream <component>", element_name);
      data->seen_root = TRUE;
      return;
    }

  if (data->in_notes)
    {
      start_notes_element (data, element_name, lang);
      return;
    }

  if (data->text != NULL)
    {
      data->text_nesting++;
      return;
    }

  if (path_is (context, "id", "component", NULL))
    {
      begin_text (data, &data->id, NULL, 0);
    }
  else if (path_is (context, "name", "component", NULL))
    {
      begin_text (data, NULL, &data->name, language_rank (data->languages, lang));
    }
  else if (path_is (context, "summary", "component", NULL))
    {
      begin_text (data, NULL, &data->summary, language_rank (data->languages, lang));
    }
  else if (path_is (context, "name", "developer", "component", NULL))
    {
      begin_text (data, NULL, &data->developer, language_rank (data->languages, lang));
    }
  else if (path_is (context, "developer_name", "component", NULL))
    {
      begin_text (data, NULL, &data->developer_legacy, language_rank (data->languages, lang));
    }
  else if (path_is (context, "project_license", "component", NULL))
    {
      begin_text (data, &data->project_license, NULL, 0);
    }
  else if (path_is (context, "url", "component", NULL))
    {
      const char *type = lookup_attribute (attribute_names, attribute_values, "type");

      if (g_strcmp0 (type, "homepage") == 0)
        begin_text (data, &data->homepage, NULL, 0);
      else if (g_strcmp0 (type, "bugtracker") == 0)
        begin_text (data, &data->bugtracker, NULL, 0);
    }
  else if (path_is (context, "release", "releases", "component", NULL))
    {
      if (++data->n_releases == 1)
        data->release_version = g_strdup (lookup_attribute (attribute_names, attribute_values, "version"));
    }
  else if (data->n_releases == 1 && data->notes == NULL &&
           path_is (context, "description", "release", "releases", "component", NULL))
    {
      data->in_notes = TRUE;
      data->notes_depth = 0;
      data->notes = g_string_new (NULL);
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  ParseData *data = user_data;

  if (data->in_notes)
    {
      if (data->notes_depth > 0)
        {
          end_notes_element (data, element_name);
        }
      else
        {
          flush_group (data);
          data->in_notes = FALSE;
        }
    }
  else if (data->text != NULL)
    {
      if (data->text_nesting > 0)
        data->text_nesting--;
      else
        end_text (data);
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ParseData *data = user_data;

  if (data->block != NULL)
    append_collapsed (data->block, text, length, TRUE, &data->block_pending_space);
  else if (data->text != NULL)
    append_collapsed (data->text, text, length, FALSE, &data->text_pending_space);
}

static const GMarkupParser parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

static void
nichiro_appdata_finalize (GObject *object)
{
  NichiroAppdata *self = (NichiroAppdata *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->developer_name, g_free);
  g_clear_pointer (&self->project_license, g_free);
  g_clear_pointer (&self->homepage, g_free);
  g_clear_pointer (&self->bugtracker, g_free);
  g_clear_pointer (&self->release_version, g_free);
  g_clear_pointer (&self->release_notes, g_free);

  G_OBJECT_CLASS (nichiro_appdata_parent_class)->finalize (object);
}

static void
nichiro_appdata_class_init (NichiroAppdataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_appdata_finalize;
}

static void
nichiro_appdata_init (NichiroAppdata *self)
{
}

/**
 * nichiro_appdata_new_from_data:
 * @text: an AppStream metainfo document
 * @length: the length of @text in bytes, or -1 if it ends with a nul
 * @display_name: how messages name the document, usually its path
 * @languages: (nullable): the languages to prefer, best first, as
 *   g_get_language_names() gives them; %NULL for the user's
 * @error: return location for an error
 *
 * Reads the description of a component. Of the texts that come in several
 * languages (name, summary, developer name, release notes) each takes the
 * variant in the first of @languages that has one, or the untranslated one.
 *
 * Returns: (transfer full) (nullable): the metainfo, or %NULL with @error
 *   set (in %G_MARKUP_ERROR) if @text is not an AppStream component
 */
NichiroAppdata *
nichiro_appdata_new_from_data (const char         *text,
                               gssize              length,
                               const char         *display_name,
                               const char * const *languages,
                               GError            **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(NichiroAppdata) self = NULL;
  ParseData data = { 0, };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (length > MAX_SIZE)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "%s: the file is larger than metainfo may be (%d KiB)", display_name, MAX_SIZE / 1024);
      return NULL;
    }

  data.languages = languages != NULL ? languages : g_get_language_names ();
  data.name = data.summary = data.developer = data.developer_legacy = data.group = (Localized) LOCALIZED_INIT;

  context = g_markup_parse_context_new (&parser,
                                        G_MARKUP_TREAT_CDATA_AS_TEXT | G_MARKUP_PREFIX_ERROR_POSITION,
                                        &data, NULL);
  if (!g_markup_parse_context_parse (context, text, length, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      parse_data_clear (&data);
      return NULL;
    }

  /* GMarkup takes a document of only comments and declarations. */
  if (!data.seen_root)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY,
                   "%s: the document has no AppStream <component>", display_name);
      parse_data_clear (&data);
      return NULL;
    }

  self = g_object_new (NICHIRO_TYPE_APPDATA, NULL);
  self->id = g_steal_pointer (&data.id);
  self->name = g_steal_pointer (&data.name.text);
  self->summary = g_steal_pointer (&data.summary.text);
  self->developer_name = data.developer.text != NULL ? g_steal_pointer (&data.developer.text)
                                                     : g_steal_pointer (&data.developer_legacy.text);
  self->project_license = g_steal_pointer (&data.project_license);
  self->homepage = g_steal_pointer (&data.homepage);
  self->bugtracker = g_steal_pointer (&data.bugtracker);
  self->release_version = g_steal_pointer (&data.release_version);
  if (data.notes != NULL && data.notes->len > 0)
    self->release_notes = g_strdup (data.notes->str);

  parse_data_clear (&data);

  return g_steal_pointer (&self);
}

/**
 * nichiro_appdata_new_from_resource:
 * @resource_path: a path in the program's GResources
 * @languages: (nullable): the languages to prefer, as for
 *   nichiro_appdata_new_from_data()
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the metainfo, or %NULL with @error set
 */
NichiroAppdata *
nichiro_appdata_new_from_resource (const char         *resource_path,
                                   const char * const *languages,
                                   GError            **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_strconcat ("resource://", resource_path, NULL);
  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }

  text = g_bytes_get_data (bytes, &length);
  return nichiro_appdata_new_from_data (text, length, display_name, languages, error);
}

const char *
nichiro_appdata_get_id (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->id;
}

const char *
nichiro_appdata_get_name (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->name;
}

const char *
nichiro_appdata_get_summary (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->summary;
}

const char *
nichiro_appdata_get_developer_name (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->developer_name;
}

/**
 * nichiro_appdata_get_project_license:
 * @self: the metainfo
 *
 * Returns: (nullable): the program's licence as an SPDX expression
 */
const char *
nichiro_appdata_get_project_license (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->project_license;
}

const char *
nichiro_appdata_get_homepage (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->homepage;
}

const char *
nichiro_appdata_get_bugtracker (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->bugtracker;
}

/**
 * nichiro_appdata_get_release_version:
 * @self: the metainfo
 *
 * Returns: (nullable): the version of the newest release, the first
 *   listed, or %NULL if the metainfo lists none
 */
const char *
nichiro_appdata_get_release_version (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->release_version;
}

/**
 * nichiro_appdata_get_release_notes:
 * @self: the metainfo
 *
 * The description of the newest release in the markup AdwAboutWindow's
 * release-notes takes: `<p>`, `<ul>` and `<ol>` with `<li>`, and inside
 * them `<em>` and `<code>`; white space collapsed, text escaped.
 *
 * Returns: (nullable): the release notes, or %NULL if there are none
 */
const char *
nichiro_appdata_get_release_notes (NichiroAppdata *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPDATA (self), NULL);

  return self->release_notes;
}
