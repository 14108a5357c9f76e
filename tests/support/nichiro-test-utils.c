/* nichiro-test-utils.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-test-utils.h"

/**
 * nichiro_test_data_path:
 * @name: a file in tests/data
 *
 * Returns: (transfer full): its path in the source tree
 */
char *
nichiro_test_data_path (const char *name)
{
  return g_build_filename (NICHIRO_TEST_DATA_DIR, name, NULL);
}

/**
 * nichiro_test_load_dataset:
 * @name: a dataset in tests/data, such as "small.json"
 *
 * Loads it as `nichiro --data` would, failing the test if it does not load.
 *
 * Returns: (transfer full): the dataset
 */
NichiroDataset *
nichiro_test_load_dataset (const char *name)
{
  g_autofree char *path = nichiro_test_data_path (name);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  NichiroDataset *dataset;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  dataset = nichiro_dataset_new_from_data (text, length, name, &error);
  g_assert_no_error (error);

  return dataset;
}

void
nichiro_test_remove_tree (const char *path)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) != 0)
    return;

  if (S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have taken the permissions away. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          nichiro_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

char *
nichiro_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nichiro-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
nichiro_test_write_text (const char *path,
                         const char *text,
                         gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

char *
nichiro_test_read_text (const char *path,
                        gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, out_length, &error);
  g_assert_no_error (error);
  return text;
}

/* Parses a file as it is on disk, without the store's help. */
JsonNode *
nichiro_test_parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The names in @dir that start with @prefix, sorted. */
GPtrArray *
nichiro_test_list_names (const char *dir,
                         const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  return names;
}

/**
 * nichiro_test_spin_until:
 * @done: says whether what is waited for has happened
 * @data: passed to @done
 * @what: what is waited for, for the failure message
 *
 * Runs the main loop until @done says so. The bound is generous: it only
 * turns a hang into a failure, it never measures anything.
 */
void
nichiro_test_spin_until (gboolean  (*done) (gpointer data),
                         gpointer    data,
                         const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting until %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
nichiro_test_home_set_up (NichiroTestHome *home,
                          gconstpointer    data)
{
  home->dir = nichiro_test_make_temp_dir ();
  home->path = g_build_filename (home->dir, "study.json", NULL);
}

void
nichiro_test_home_tear_down (NichiroTestHome *home,
                             gconstpointer    data)
{
  nichiro_test_remove_tree (home->dir);
  g_clear_pointer (&home->dir, g_free);
  g_clear_pointer (&home->path, g_free);
}
