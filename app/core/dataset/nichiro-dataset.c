/* nichiro-dataset.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-dataset"

#include "config.h"

#include <string.h>

#include "nichiro-citation.h"
#include "nichiro-data-resources.h"
#include "nichiro-dataset-private.h"
#include "nichiro-entry-private.h"
#include "nichiro-error.h"
#include "nichiro-file.h"

/* NichiroDataset is the entries with the states, parts, eras, threads,
 * people and places they refer to. It is one type in several files, by
 * concern, that share nichiro-dataset-private.h. This one holds the type:
 * its tables, loading it from a file or a resource, the getters and
 * look-ups, the ids near a mistyped one, the relations that point at an
 * entry and an entry's citation; then
 *   -read.c     reading a document: parsing, the schema, the tables, the
 *               rules a schema cannot say, every problem reported
 *   -entries.c  reading the entries: each one's dates, lifecycle, end,
 *               era, signatories, articles and relations; the checks
 *               across entries; their date order */

G_DEFINE_FINAL_TYPE (NichiroDataset, nichiro_dataset, G_TYPE_OBJECT)

static void
state_clear (gpointer data)
{
  NichiroState *state = data;

  g_free (state->id);
  nichiro_names_clear (&state->name);
  g_strfreev (state->aliases);
}

static void
part_clear (gpointer data)
{
  NichiroPart *part = data;

  /* title and summary are the English members of titles and summaries. */
  g_free (part->id);
  nichiro_names_clear (&part->titles);
  nichiro_names_clear (&part->summaries);
}

static void
era_clear (gpointer data)
{
  NichiroEra *era = data;

  g_free (era->id);
  g_free (era->kind);
  nichiro_names_clear (&era->name);
  nichiro_names_clear (&era->short_name);
}

static void
thread_clear (gpointer data)
{
  NichiroThread *thread = data;

  g_free (thread->id);
  nichiro_names_clear (&thread->name);
  g_strfreev (thread->aliases);
  g_free (thread->description);
}

static void
person_clear (gpointer data)
{
  NichiroPerson *person = data;

  g_free (person->id);
  nichiro_names_clear (&person->name);
  g_strfreev (person->aliases);
  g_strfreev (person->roles);
}

static void
place_clear (gpointer data)
{
  NichiroPlace *place = data;

  g_free (place->id);
  nichiro_names_clear (&place->name);
  g_strfreev (place->aliases);
  g_free (place->source.title);
  g_free (place->source.url);
}

static void
source_clear (gpointer data)
{
  NichiroSource *source = data;

  g_free (source->title);
  g_free (source->url);
}

static void
book_free (NichiroBook *book)
{
  g_free (book->title);
  g_free (book->chapter);
  g_free (book->chapter_title);
  g_strfreev (book->authors);
  g_free (book->publisher);
  g_free (book);
}

static void
table_init (Table          *table,
            gsize           element_size,
            GDestroyNotify  clear_func)
{
  table->items = g_array_new (FALSE, TRUE, element_size);
  g_array_set_clear_func (table->items, clear_func);
  table->index = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->index, g_hash_table_unref);
  g_clear_pointer (&table->items, g_array_unref);
}

gconstpointer
_nichiro_dataset_table_lookup (const Table *table,
                               const char  *id)
{
  guint position;

  if (id == NULL)
    return NULL;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (table->index, id));
  if (position == 0)
    return NULL;

  return table->items->data + (position - 1) * g_array_get_element_size (table->items);
}

static void
nichiro_dataset_finalize (GObject *object)
{
  NichiroDataset *self = (NichiroDataset *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->book, book_free);
  g_clear_pointer (&self->sources, g_array_unref);
  table_clear (&self->states);
  table_clear (&self->parts);
  table_clear (&self->eras);
  table_clear (&self->threads);
  table_clear (&self->people);
  table_clear (&self->places);
  g_clear_pointer (&self->frontier, nichiro_frontier_free);
  g_clear_pointer (&self->incoming, g_hash_table_unref);
  g_clear_pointer (&self->entries_by_id, g_hash_table_unref);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (nichiro_dataset_parent_class)->finalize (object);
}

static void
nichiro_dataset_class_init (NichiroDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_dataset_finalize;
}

static void
nichiro_dataset_init (NichiroDataset *self)
{
  table_init (&self->states, sizeof (NichiroState), state_clear);
  table_init (&self->parts, sizeof (NichiroPart), part_clear);
  table_init (&self->eras, sizeof (NichiroEra), era_clear);
  table_init (&self->threads, sizeof (NichiroThread), thread_clear);
  table_init (&self->people, sizeof (NichiroPerson), person_clear);
  table_init (&self->places, sizeof (NichiroPlace), place_clear);
  self->sources = g_array_new (FALSE, TRUE, sizeof (NichiroSource));
  g_array_set_clear_func (self->sources, source_clear);
  self->entries = g_list_store_new (NICHIRO_TYPE_ENTRY);
  self->entries_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * nichiro_dataset_new_from_file:
 * @file: a dataset file
 * @error: return location for an error
 *
 * Like nichiro_dataset_new_from_data(), refusing files over
 * %NICHIRO_DATASET_MAX_SIZE before reading them, and anything but a
 * regular file (a folder, a named pipe, a device) without reading it.
 *
 * Returns: (transfer full) (nullable): the dataset
 */
NichiroDataset *
nichiro_dataset_new_from_file (GFile   *file,
                               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);

  /* Only a regular file is read, and never past the limit: a named pipe
   * or a device would hang or fill the memory. */
  if (!nichiro_file_load (file, NICHIRO_DATASET_MAX_SIZE, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_TOO_LARGE,
                     "%s: the file is larger than %d MiB; a dataset may be at most %d MiB",
                     display_name, NICHIRO_DATASET_MAX_SIZE / (1024 * 1024),
                     NICHIRO_DATASET_MAX_SIZE / (1024 * 1024));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                     "%s: is a folder; expected a dataset file", display_name);
      else
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                     "%s: cannot read the dataset: %s", display_name, local_error->message);
      return NULL;
    }

  return nichiro_dataset_new_from_data (contents, length, display_name, error);
}

/* The program's own data resource, from any thread. GLib registers the
 * resources compiled into a program when one is first used, on the thread
 * that uses one first, holding its resources lock meanwhile.
 * g_static_resource_get_resource(), which nichiro_data_get_resource()
 * calls, does not take that lock, and gives NULL to a thread that asks
 * while another thread is registering: at start-up, a few runs in a
 * hundred on a busy machine, the dataset's thread asked while the main
 * thread, starting libadwaita, was registering them, and looking the
 * dataset up in a NULL resource brought the program down. The g_resources_*() functions
 * take the lock, so one call waits for the registration to end. The
 * resource is NULL again only once GLib drops it as the program exits. */
static GResource *
our_resource (void)
{
  GResource *resource = nichiro_data_get_resource ();

  if (G_UNLIKELY (resource == NULL))
    {
      g_resources_get_info ("/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
      resource = nichiro_data_get_resource ();
    }

  return resource;
}

static NichiroDataset *
read_resource (const char  *resource_path,
               gboolean     check_schema,
               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  GResource *ours;
  const char *text;
  gsize length;

  display_name = g_strconcat ("resource://", resource_path, NULL);

  ours = our_resource ();
  if (ours != NULL)
    bytes = g_resource_lookup_data (ours, resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      /* Not ours: another resource may be anything, and is checked whole. */
      check_schema = TRUE;
      bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
    }
  if (bytes == NULL)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  text = g_bytes_get_data (bytes, &length);
  return _nichiro_dataset_read (text, length, display_name, check_schema, error);
}

/**
 * nichiro_dataset_new_from_resource:
 * @resource_path: a path in the program's GResources
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the dataset
 */
NichiroDataset *
nichiro_dataset_new_from_resource (const char  *resource_path,
                                   GError     **error)
{
  g_return_val_if_fail (resource_path != NULL, NULL);

  return read_resource (resource_path, TRUE, error);
}

/**
 * nichiro_dataset_new_default:
 * @error: return location for an error
 *
 * Loads the dataset bundled with the program. The build checked it
 * against the schema, so only the rules beyond the schema are checked
 * again here (a quarter of the work).
 *
 * Returns: (transfer full) (nullable): the dataset
 */
NichiroDataset *
nichiro_dataset_new_default (GError **error)
{
  return read_resource (NICHIRO_DATASET_DEFAULT_RESOURCE, FALSE, error);
}

const char *
nichiro_dataset_get_id (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->id;
}

const char *
nichiro_dataset_get_title (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->title;
}

const char *
nichiro_dataset_get_description (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->description;
}

const char *
nichiro_dataset_get_license (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->license;
}

/**
 * nichiro_dataset_get_display_name:
 * @self: a dataset
 *
 * Returns: the path or address the dataset was loaded from
 */
const char *
nichiro_dataset_get_display_name (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->display_name;
}

/**
 * nichiro_dataset_get_book:
 * @self: a dataset
 *
 * Returns: (nullable): the book the dataset accompanies
 */
const NichiroBook *
nichiro_dataset_get_book (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->book;
}

const NichiroSource *
nichiro_dataset_get_sources (NichiroDataset *self,
                             guint          *n_sources)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  *n_sources = self->sources->len;
  return (const NichiroSource *) (gpointer) self->sources->data;
}

/**
 * nichiro_dataset_get_period:
 * @self: a dataset
 * @out_start: (out) (optional): the first year or day of the period
 * @out_end: (out) (optional): the last
 *
 * The period the dataset is about, which the timeline opens on (1855–1956
 * for the bundled one). Entries may reach beyond it: see
 * nichiro_dataset_get_span().
 *
 * Returns: whether the dataset gives a period
 */
gboolean
nichiro_dataset_get_period (NichiroDataset *self,
                            NichiroDate    *out_start,
                            NichiroDate    *out_end)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), FALSE);

  if (out_start != NULL)
    *out_start = self->period_start;
  if (out_end != NULL)
    *out_end = self->period_end;
  return nichiro_date_is_set (&self->period_start);
}

/**
 * nichiro_dataset_get_span:
 * @self: a dataset
 * @out_first: (out) (optional): the earliest date of any entry
 * @out_last: (out) (optional): the latest date or end date of any entry
 *
 * The real range of the entries, which may be wider than the period.
 *
 * Returns: whether the dataset has entries
 */
gboolean
nichiro_dataset_get_span (NichiroDataset *self,
                          NichiroDate    *out_first,
                          NichiroDate    *out_last)
{
  GListModel *entries;
  guint n_entries;
  NichiroDate first = NICHIRO_DATE_NONE;
  NichiroDate last = NICHIRO_DATE_NONE;

  g_return_val_if_fail (NICHIRO_IS_DATASET (self), FALSE);

  entries = G_LIST_MODEL (self->entries);
  n_entries = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n_entries; i++)
    {
      NichiroEntry *entry = g_list_model_get_item (entries, i);
      const NichiroDate *end = nichiro_date_is_set (&entry->end_date) ? &entry->end_date : &entry->date;

      /* The list is in date order, so the first entry starts earliest. */
      if (i == 0)
        first = entry->date;
      if (!nichiro_date_is_set (&last) || nichiro_date_compare (end, &last) > 0)
        last = *end;
      g_object_unref (entry);
    }

  if (out_first != NULL)
    *out_first = first;
  if (out_last != NULL)
    *out_last = last;
  return n_entries > 0;
}

/**
 * nichiro_dataset_get_entries:
 * @self: a dataset
 *
 * Returns: (transfer none): a list of #NichiroEntry in date order
 */
GListModel *
nichiro_dataset_get_entries (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/**
 * nichiro_dataset_lookup_entry:
 * @self: a dataset
 * @id: an entry id, or one of its former ids
 *
 * Returns: (transfer none) (nullable): the entry with that id; ids that
 *   were renamed keep finding their entry (nichiro_entry_get_former_ids())
 */
NichiroEntry *
nichiro_dataset_lookup_entry (NichiroDataset *self,
                              const char     *id)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->entries_by_id, id);
}

/* Edit distance of two ASCII ids, or @limit + 1 once it must exceed it. */
static guint
id_distance (const char *a,
             const char *b,
             guint       limit)
{
  gsize a_length = strlen (a), b_length = strlen (b);
  guint previous[65], current[65];

  if (a_length > 64 || b_length > 64)
    return limit + 1;

  for (gsize j = 0; j <= b_length; j++)
    previous[j] = j;
  for (gsize i = 1; i <= a_length; i++)
    {
      guint row_min = current[0] = i;

      for (gsize j = 1; j <= b_length; j++)
        {
          current[j] = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] != b[j - 1]));
          row_min = MIN (row_min, current[j]);
        }
      if (row_min > limit)
        return limit + 1;
      memcpy (previous, current, sizeof (guint) * (b_length + 1));
    }

  return previous[b_length];
}

typedef struct
{
  const char *id;
  guint rank;
} NearId;

static int
compare_near_ids (gconstpointer a,
                  gconstpointer b)
{
  const NearId *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return strcmp (x->id, y->id);
}

/**
 * nichiro_dataset_dup_near_ids:
 * @self: a dataset
 * @id: what someone typed for an id
 * @max: how many to give at most
 *
 * The ids a mistyped or shortened id most likely meant: those that begin
 * with it or contain it as a word ("portsmouth" gives "portsmouth-1905"),
 * then those a letter or two away.
 *
 * Returns: (transfer full): a %NULL-terminated list, best first, maybe empty
 */
GStrv
nichiro_dataset_dup_near_ids (NichiroDataset *self,
                              const char     *id,
                              guint           max)
{
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (NearId));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded = NULL;
  guint limit;

  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  folded = g_ascii_strdown (id, -1);
  limit = strlen (folded) >= 8 ? 2 : strlen (folded) >= 4 ? 1 : 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const char *candidate = nichiro_entry_get_id (entry);
      const char *found = folded[0] != '\0' ? strstr (candidate, folded) : NULL;
      NearId near_id = { candidate, 0 };
      guint distance;

      if (found != NULL && (found == candidate || found[-1] == '-'))
        near_id.rank = found == candidate ? 0 : 1;
      else if ((distance = id_distance (folded, candidate, limit)) <= limit && limit > 0)
        near_id.rank = 1 + distance;
      else
        continue;

      g_array_append_val (near, near_id);
    }

  g_array_sort (near, compare_near_ids);
  for (guint i = 0; i < near->len && i < max; i++)
    g_strv_builder_add (builder, g_array_index (near, NearId, i).id);

  return g_strv_builder_end (builder);
}

/* The related lists turned around, in date order of the entries that
 * point. The ids are the entries' own strings, which live as long as the
 * dataset. */
static GHashTable *
build_incoming (NichiroDataset *self)
{
  GHashTable *incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  guint n_entries = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const NichiroRelated *related;
      guint n_related;

      related = nichiro_entry_get_related (entry, &n_related);
      for (guint r = 0; r < n_related; r++)
        {
          /* A relation may name an entry by a former id. */
          NichiroEntry *target = nichiro_dataset_lookup_entry (self, related[r].id);
          NichiroRelated back = { (char *) nichiro_entry_get_id (entry), related[r].relation };
          GArray *list;

          if (target == NULL)
            continue;

          list = g_hash_table_lookup (incoming, nichiro_entry_get_id (target));
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (NichiroRelated));
              g_hash_table_insert (incoming, (char *) nichiro_entry_get_id (target), list);
            }
          g_array_append_val (list, back);
        }
    }

  return incoming;
}

/**
 * nichiro_dataset_get_incoming:
 * @self: a dataset
 * @id: an entry id
 * @n_incoming: (out): where to store the number of relations
 *
 * The relations other entries have to @id (an entry's id, not a former
 * one): each names the entry that
 * points at @id and the relation as that entry gives it, so that
 * nichiro_relation_get_inverse_label() reads it from @id's end ("Superseded
 * by"). In the date order of the entries that point.
 *
 * Returns: (array length=n_incoming) (transfer none) (nullable): the
 *   relations, or %NULL when none points at @id
 */
const NichiroRelated *
nichiro_dataset_get_incoming (NichiroDataset *self,
                              const char     *id,
                              guint          *n_incoming)
{
  GArray *list;

  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_incoming != NULL, NULL);

  /* A dataset is read on one thread at a time once loaded. */
  if (self->incoming == NULL)
    self->incoming = build_incoming (self);

  list = id != NULL ? g_hash_table_lookup (self->incoming, id) : NULL;
  *n_incoming = list != NULL ? list->len : 0;
  return list != NULL ? (const NichiroRelated *) (gpointer) list->data : NULL;
}

/**
 * nichiro_dataset_dup_citation:
 * @self: a dataset
 * @entry: one of its entries
 *
 * A reference to @entry in the Chicago style, citing the entry's first
 * source and the dataset (nichiro_citation_format() for another source
 * or style): "Treaty of Portsmouth (Japan–Russian Empire),
 * signed at Portsmouth, 5 September 1905. “Treaty of Portsmouth,”
 * Wikipedia, https://…. Cited from Nichiro, “Japan–Russia Relations,
 * 1855–1956” (dataset, CC-BY-4.0)."
 *
 * Returns: (transfer full): the citation
 */
char *
nichiro_dataset_dup_citation (NichiroDataset *self,
                              NichiroEntry   *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return nichiro_citation_format (self, entry, 0, NICHIRO_CITATION_CHICAGO, now);
}

#define DEFINE_TABLE_ACCESSORS(Type, name, member)                          \
const Type *                                                                \
nichiro_dataset_get_##member (NichiroDataset *self,                         \
                              guint          *n_items)                      \
{                                                                           \
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);                   \
  g_return_val_if_fail (n_items != NULL, NULL);                             \
                                                                            \
  *n_items = self->member.items->len;                                       \
  return (const Type *) (gpointer) self->member.items->data;                \
}                                                                           \
                                                                            \
const Type *                                                                \
nichiro_dataset_lookup_##name (NichiroDataset *self,                        \
                               const char     *id)                          \
{                                                                           \
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);                   \
                                                                            \
  return _nichiro_dataset_table_lookup (&self->member, id);                 \
}

DEFINE_TABLE_ACCESSORS (NichiroState, state, states)
DEFINE_TABLE_ACCESSORS (NichiroPart, part, parts)
DEFINE_TABLE_ACCESSORS (NichiroEra, era, eras)
DEFINE_TABLE_ACCESSORS (NichiroThread, thread, threads)
DEFINE_TABLE_ACCESSORS (NichiroPerson, person, people)
DEFINE_TABLE_ACCESSORS (NichiroPlace, place, places)

/**
 * nichiro_state_get_name:
 * @state: a state
 * @language: the language wanted
 *
 * Returns: the state's name in @language, or in English when the dataset
 *   does not give it in @language
 */
const char *
nichiro_state_get_name (const NichiroState *state,
                        NichiroLanguage     language)
{
  g_return_val_if_fail (state != NULL, NULL);

  return nichiro_names_get (&state->name, language);
}

/**
 * nichiro_person_get_name:
 * @person: a person
 * @language: the language wanted
 *
 * Returns: the person's name in @language, or in English
 */
const char *
nichiro_person_get_name (const NichiroPerson *person,
                         NichiroLanguage      language)
{
  g_return_val_if_fail (person != NULL, NULL);

  return nichiro_names_get (&person->name, language);
}

/**
 * nichiro_part_get_title:
 * @part: a chapter part
 * @language: the language wanted
 *
 * Returns: the part's title in @language, or in English
 */
const char *
nichiro_part_get_title (const NichiroPart *part,
                        NichiroLanguage    language)
{
  g_return_val_if_fail (part != NULL, NULL);

  return nichiro_names_get (&part->titles, language);
}

/**
 * nichiro_part_get_summary:
 * @part: a chapter part
 * @language: the language wanted
 *
 * Returns: (nullable): the part's summary in @language, or in English, or
 *   %NULL when it has none
 */
const char *
nichiro_part_get_summary (const NichiroPart *part,
                          NichiroLanguage    language)
{
  g_return_val_if_fail (part != NULL, NULL);

  if (part->summaries.en == NULL)
    return NULL;

  return nichiro_names_get (&part->summaries, language);
}

/**
 * nichiro_thread_get_name:
 * @thread: a thread
 * @language: the language wanted
 *
 * Returns: the thread's name in @language, or in English
 */
const char *
nichiro_thread_get_name (const NichiroThread *thread,
                         NichiroLanguage      language)
{
  g_return_val_if_fail (thread != NULL, NULL);

  return nichiro_names_get (&thread->name, language);
}

/**
 * nichiro_era_get_name:
 * @era: an era of the timeline
 * @language: the language wanted
 *
 * Returns: the era's name in @language, or in English
 */
const char *
nichiro_era_get_name (const NichiroEra *era,
                      NichiroLanguage   language)
{
  g_return_val_if_fail (era != NULL, NULL);

  return nichiro_names_get (&era->name, language);
}

/**
 * nichiro_era_get_short_name:
 * @era: an era of the timeline
 * @language: the language wanted
 *
 * Returns: (nullable): the era's short name in @language, or in English;
 *   %NULL when the dataset gives none
 */
const char *
nichiro_era_get_short_name (const NichiroEra *era,
                            NichiroLanguage   language)
{
  g_return_val_if_fail (era != NULL, NULL);

  if (era->short_name.en == NULL)
    return NULL;

  return nichiro_names_get (&era->short_name, language);
}

/**
 * nichiro_place_get_name:
 * @place: a place
 * @language: the language wanted
 *
 * Returns: the place's name in @language, or in English
 */
const char *
nichiro_place_get_name (const NichiroPlace *place,
                        NichiroLanguage     language)
{
  g_return_val_if_fail (place != NULL, NULL);

  return nichiro_names_get (&place->name, language);
}

/**
 * nichiro_place_precision_to_string:
 * @precision: a precision
 *
 * Returns: the keyword the dataset format uses: `building`, `city` or
 *   `region`
 */
const char *
nichiro_place_precision_to_string (NichiroPlacePrecision precision)
{
  switch (precision)
    {
    case NICHIRO_PLACE_PRECISION_BUILDING:
      return "building";
    case NICHIRO_PLACE_PRECISION_REGION:
      return "region";
    case NICHIRO_PLACE_PRECISION_CITY:
    default:
      return "city";
    }
}

/**
 * nichiro_dataset_get_frontier:
 * @self: a dataset
 *
 * Returns: (transfer none) (nullable): the frontier the map draws, or %NULL
 *   if the dataset has none
 */
NichiroFrontier *
nichiro_dataset_get_frontier (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->frontier;
}
