/* nichiro-study-store-document.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-store"

#include "config.h"

#include "nichiro-study-store.h"
#include "nichiro-study-store-private.h"

/* The study file's document: reading its tree without trusting a type,
 * copying it, keeping track of what this store changed, and checking
 * that a document is a study file this version can read. */

/* Reading the tree. Getters never trust a type, so that even a document
 * from a newer version, opened read-only, is read without surprises. */

JsonObject *
_nichiro_study_object_get_object (JsonObject *object,
                                  const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

const char *
_nichiro_study_object_get_string (JsonObject *object,
                                  const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
_nichiro_study_object_get_boolean (JsonObject *object,
                                   const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return FALSE;
  node = json_object_get_member (object, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

JsonObject *
_nichiro_study_root_get_dataset (JsonObject *root,
                                 const char *dataset_id,
                                 gboolean    create)
{
  JsonObject *datasets = _nichiro_study_object_get_object (root, "datasets");
  JsonObject *dataset;

  if (datasets == NULL && create)
    {
      datasets = json_object_new ();
      json_object_set_object_member (root, "datasets", datasets);
    }

  dataset = _nichiro_study_object_get_object (datasets, dataset_id);
  if (dataset == NULL && create)
    {
      dataset = json_object_new ();
      json_object_set_object_member (dataset, "entries", json_object_new ());
      json_object_set_object_member (datasets, dataset_id, dataset);
    }

  return dataset;
}

JsonObject *
_nichiro_study_dataset_get_entries (JsonObject *dataset,
                                    gboolean    create)
{
  JsonObject *entries = _nichiro_study_object_get_object (dataset, "entries");

  if (entries == NULL && create && dataset != NULL)
    {
      entries = json_object_new ();
      json_object_set_object_member (dataset, "entries", entries);
    }

  return entries;
}

JsonObject *
_nichiro_study_store_get_datasets (NichiroStudyStore *self)
{
  return _nichiro_study_object_get_object (json_node_get_object (self->root), "datasets");
}

JsonObject *
_nichiro_study_store_get_dataset (NichiroStudyStore *self,
                                  const char        *dataset_id,
                                  gboolean           create)
{
  return _nichiro_study_root_get_dataset (json_node_get_object (self->root), dataset_id, create);
}

JsonObject *
_nichiro_study_store_get_entries (NichiroStudyStore *self,
                                  const char        *dataset_id,
                                  gboolean           create)
{
  JsonObject *dataset = _nichiro_study_store_get_dataset (self, dataset_id, create);

  return _nichiro_study_dataset_get_entries (dataset, create);
}

JsonObject *
_nichiro_study_store_get_entry (NichiroStudyStore *self,
                                const char        *dataset_id,
                                const char        *entry_id,
                                gboolean           create)
{
  JsonObject *entries = _nichiro_study_store_get_entries (self, dataset_id, create);
  JsonObject *entry = _nichiro_study_object_get_object (entries, entry_id);

  if (entry == NULL && create)
    {
      entry = json_object_new ();
      json_object_set_object_member (entries, entry_id, entry);
    }

  return entry;
}

/* json_node_copy() shares the objects and arrays of the node it copies;
 * an import merges into a copy it may throw away, and undoing it compares
 * with what it left, so those need copies of their own. */
JsonNode *
_nichiro_study_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *member;
        JsonNode *child;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &member, &child))
          json_object_set_member (object, member, _nichiro_study_node_deep_copy (child));
        copy = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        JsonArray *array = json_array_sized_new (json_array_get_length (source));

        for (guint i = 0; i < json_array_get_length (source); i++)
          json_array_add_element (array, _nichiro_study_node_deep_copy (json_array_get_element (source, i)));
        copy = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* What changed here since the file was last read or written. */

void
_nichiro_study_note_change (GHashTable *changes,
                            const char *dataset_id,
                            const char *key)
{
  GHashTable *keys = g_hash_table_lookup (changes, dataset_id);

  if (keys == NULL)
    {
      keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (changes, g_strdup (dataset_id), keys);
    }
  if (!g_hash_table_contains (keys, key))
    g_hash_table_add (keys, g_strdup (key));
}

gboolean
_nichiro_study_was_changed (GHashTable *changes,
                            const char *dataset_id,
                            const char *key)
{
  GHashTable *keys = g_hash_table_lookup (changes, dataset_id);

  return keys != NULL && g_hash_table_contains (keys, key);
}

/* Checking a document. */

typedef enum
{
  EXPECT_BOOLEAN,
  EXPECT_STRING,
  EXPECT_STRINGS,
  EXPECT_OBJECT,
  EXPECT_ARRAY,
} Expectation;

static const char *
node_type_label (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          return "a boolean";
        case G_TYPE_STRING:
          return "a string";
        default:
          return "a number";
        }
    }
}

static gboolean
check_member (JsonObject   *object,
              const char   *member,
              Expectation   expectation,
              const char   *display_name,
              const char   *where,
              GError      **error)
{
  static const char * const expected[] = {
    [EXPECT_BOOLEAN] = "true or false",
    [EXPECT_STRING] = "a string",
    [EXPECT_STRINGS] = "an array of strings",
    [EXPECT_OBJECT] = "an object",
    [EXPECT_ARRAY] = "an array",
  };
  JsonNode *node = json_object_get_member (object, member);
  gboolean ok;

  /* Absent and null both mean "not set". */
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (expectation)
    {
    case EXPECT_BOOLEAN:
      ok = json_node_get_value_type (node) == G_TYPE_BOOLEAN;
      break;

    case EXPECT_STRING:
      ok = json_node_get_value_type (node) == G_TYPE_STRING;
      break;

    case EXPECT_OBJECT:
      ok = JSON_NODE_HOLDS_OBJECT (node);
      break;

    case EXPECT_ARRAY:
      ok = JSON_NODE_HOLDS_ARRAY (node);
      break;

    case EXPECT_STRINGS:
      ok = JSON_NODE_HOLDS_ARRAY (node);
      for (guint i = 0; ok && i < json_array_get_length (json_node_get_array (node)); i++)
        ok = json_node_get_value_type (json_array_get_element (json_node_get_array (node), i)) == G_TYPE_STRING;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                 "%s: %s%s is %s; expected %s",
                 display_name, where, member,
                 JSON_NODE_HOLDS_ARRAY (node) && expectation == EXPECT_STRINGS ? "an array with something else than strings"
                                                                               : node_type_label (node),
                 expected[expectation]);

  return ok;
}

/* The self-test's card states and review log (version 2): each must be
 * one the scheduler could have made, so that the rest of the store trusts
 * them. */
static gboolean
check_self_test (JsonObject  *dataset,
                 const char  *where,
                 const char  *display_name,
                 GError     **error)
{
  JsonObject *cards = _nichiro_study_object_get_object (dataset, "cards");
  JsonNode *reviews = json_object_get_member (dataset, "reviews");
  JsonObjectIter iter;
  const char *card_id;
  JsonNode *node;

  if (!check_member (dataset, "cards", EXPECT_OBJECT, display_name, where, error) ||
      !check_member (dataset, "reviews", EXPECT_ARRAY, display_name, where, error))
    return FALSE;

  if (cards != NULL)
    {
      json_object_iter_init_ordered (&iter, cards);
      while (json_object_iter_next_ordered (&iter, &card_id, &node))
        {
          g_autoptr(GError) local_error = NULL;
          NichiroFsrsCard card;

          if (!nichiro_fsrs_card_from_json (node, &card, &local_error))
            {
              g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                           "%s: %scards › %s: %s", display_name, where, card_id, local_error->message);
              return FALSE;
            }
        }
    }

  if (reviews != NULL && JSON_NODE_HOLDS_ARRAY (reviews))
    {
      JsonArray *array = json_node_get_array (reviews);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr(GError) local_error = NULL;
          NichiroReviewLogEntry entry;

          if (!nichiro_review_log_entry_from_json (json_array_get_element (array, i), &entry, &local_error))
            {
              g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                           "%s: %sreviews › %u: %s", display_name, where, i + 1, local_error->message);
              return FALSE;
            }
          nichiro_review_log_entry_clear (&entry);
        }
    }

  return TRUE;
}

static gboolean
check_dataset (JsonObject  *dataset,
               const char  *dataset_id,
               const char  *display_name,
               GError     **error)
{
  g_autofree char *where = g_strdup_printf ("datasets › %s › ", dataset_id);
  JsonObject *entries;
  JsonObjectIter iter;
  const char *entry_id;
  JsonNode *node;

  if (!check_member (dataset, "entries", EXPECT_OBJECT, display_name, where, error) ||
      !check_member (dataset, "last_entry", EXPECT_STRING, display_name, where, error) ||
      !check_member (dataset, "last_part", EXPECT_STRING, display_name, where, error) ||
      !check_member (dataset, "history", EXPECT_STRINGS, display_name, where, error) ||
      !check_self_test (dataset, where, display_name, error))
    return FALSE;

  entries = _nichiro_study_object_get_object (dataset, "entries");
  if (entries == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, entries);
  while (json_object_iter_next_ordered (&iter, &entry_id, &node))
    {
      g_autofree char *entry_where = g_strdup_printf ("%sentries › %s › ", where, entry_id);
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                       "%s: %sentries › %s is %s; expected an object",
                       display_name, where, entry_id, node_type_label (node));
          return FALSE;
        }

      entry = json_node_get_object (node);
      if (!check_member (entry, "studied", EXPECT_BOOLEAN, display_name, entry_where, error) ||
          !check_member (entry, "bookmarked", EXPECT_BOOLEAN, display_name, entry_where, error) ||
          !check_member (entry, "note", EXPECT_STRING, display_name, entry_where, error) ||
          !check_member (entry, "page", EXPECT_STRING, display_name, entry_where, error) ||
          !check_member (entry, "modified", EXPECT_STRING, display_name, entry_where, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _nichiro_study_migrate:
 * @root: a study file's document, checked
 * @version: the version it was written in
 *
 * Brings a document of an older version to this one, losing nothing.
 * Version 2 only added members (the self-test's "cards" and "reviews"),
 * so a version 1 document is one already: only its number changes, and
 * the file is written as version 2 at the next save.
 */
void
_nichiro_study_migrate (JsonNode *root,
                        gint64    version)
{
  if (version >= NICHIRO_STUDY_VERSION)
    return;

  json_object_set_int_member (json_node_get_object (root), "version", NICHIRO_STUDY_VERSION);
}

GDateTime *
_nichiro_study_entry_get_modified (JsonObject *entry)
{
  const char *text = _nichiro_study_object_get_string (entry, "modified");

  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

/**
 * nichiro_study_check_document:
 * @root: a parsed JSON document
 * @display_name: how to name the document in messages
 * @out_version: (out) (optional): its format version
 * @error: return location for a %NICHIRO_STUDY_ERROR_INVALID error
 *
 * Checks that @root is a Nichiro study file, and if it is of this version
 * or older, that every member Nichiro reads has the right type. A newer
 * version passes as long as it says what it is.
 *
 * Returns: %TRUE if @root may be read
 */
gboolean
nichiro_study_check_document (JsonNode    *root,
                              const char  *display_name,
                              gint64      *out_version,
                              GError     **error)
{
  JsonObject *object;
  JsonObject *datasets;
  JsonNode *version;
  JsonObjectIter iter;
  const char *dataset_id;
  JsonNode *node;

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   "%s: the document is %s; expected a Nichiro study file, an object",
                   display_name, node_type_label (root));
      return FALSE;
    }

  object = json_node_get_object (root);
  if (g_strcmp0 (_nichiro_study_object_get_string (object, "format"), NICHIRO_STUDY_FORMAT) != 0)
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   "%s: “format” is not “%s”; this is not a Nichiro study file",
                   display_name, NICHIRO_STUDY_FORMAT);
      return FALSE;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   "%s: “version” is not a whole number from 1 up", display_name);
      return FALSE;
    }

  if (out_version != NULL)
    *out_version = json_node_get_int (version);

  /* A newer version may have changed anything else. */
  if (json_node_get_int (version) > NICHIRO_STUDY_VERSION)
    return TRUE;

  if (!check_member (object, "datasets", EXPECT_OBJECT, display_name, "", error))
    return FALSE;

  datasets = _nichiro_study_object_get_object (object, "datasets");
  if (datasets == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, datasets);
  while (json_object_iter_next_ordered (&iter, &dataset_id, &node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                       "%s: datasets › %s is %s; expected an object",
                       display_name, dataset_id, node_type_label (node));
          return FALSE;
        }

      if (!check_dataset (json_node_get_object (node), dataset_id, display_name, error))
        return FALSE;
    }

  return TRUE;
}
