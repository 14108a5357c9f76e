/* nichiro-study-file.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-file"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-study-file.h"
#include "nichiro-file.h"
#include "nichiro-json-check.h"
#include "nichiro-study-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* A lock another process holds is asked for again this often. */
#define LOCK_STEP_MS 1

static void
stamp_from_stat (NichiroStudyFileStamp *stamp,
                 const GStatBuf        *buf)
{
  stamp->exists = TRUE;
  stamp->dev = buf->st_dev;
  stamp->ino = buf->st_ino;
  stamp->size = buf->st_size;
  stamp->mtime_ns = (gint64) buf->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf->st_mtim.tv_nsec;
}

void
nichiro_study_file_stamp (const char            *path,
                          NichiroStudyFileStamp *stamp)
{
  GStatBuf buf;

  memset (stamp, 0, sizeof *stamp);
  if (g_stat (path, &buf) == 0)
    stamp_from_stat (stamp, &buf);
}

/* Every save replaces the file with a new one, so another process's save
 * shows as another inode, and in any case as another time of change. */
gboolean
nichiro_study_file_stamps_equal (const NichiroStudyFileStamp *a,
                                 const NichiroStudyFileStamp *b)
{
  if (!a->exists || !b->exists)
    return a->exists == b->exists;

  return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns;
}

/* Takes a lock on @folder that other Nichiros take to save into it, so
 * that none writes between another's reading and replacing the file.
 * Returns the descriptor that holds it, or -1 if it could not be had
 * within @wait_ms (or at all: not every file system locks). */
int
nichiro_study_file_lock_folder (const char *folder,
                                guint       wait_ms)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return -1;

  for (guint waited = 0;; waited += LOCK_STEP_MS)
    {
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        return fd;
      if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= wait_ms)
        break;
      g_usleep (LOCK_STEP_MS * 1000);
    }

  close (fd);
  return -1;
}

void
nichiro_study_file_unlock_folder (int fd)
{
  /* Closing the descriptor releases the lock. */
  if (fd >= 0)
    close (fd);
}

char *
nichiro_study_file_dup_text (JsonNode *root,
                             gsize    *out_length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, out_length);
}

/* Writes everything to @fd and to the disk; 0 or the errno. */
static int
write_fully (int         fd,
             const char *data,
             gsize       length)
{
  gsize written = 0;

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      written += n;
    }

  return fsync (fd) == 0 ? 0 : errno;
}

/* Writes @data to a new file beside @path that then replaces it, so that
 * a crash leaves the old file or the new one, never half of each. Sets
 * @out_stamp to the new file's, taken before it is in place, so that a
 * save by another process right after cannot pass for this one. */
gboolean
nichiro_study_file_write (const char             *path,
                          const char             *data,
                          gsize                   length,
                          NichiroStudyFileStamp  *out_stamp,
                          GError                **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temporary = g_strdup_printf ("%s.XXXXXX", path);
  GStatBuf buf;
  int saved_errno = 0;
  int fd;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  saved_errno = write_fully (fd, data, length);
  if (saved_errno == 0 && fstat (fd, &buf) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (temporary, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (temporary);
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  stamp_from_stat (out_stamp, &buf);

  /* The new name is on the disk too. */
  fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;
}

/* Whether @name, in the folder of the study file @basename, is a
 * temporary file a save left when it was killed: "study.json.XXXXXX", or
 * the same for a copy kept before an import. */
gboolean
nichiro_study_file_is_temporary (const char *name,
                                 const char *basename)
{
  gsize length = strlen (name);
  gsize base_length = strlen (basename);
  g_autofree char *prefix = NULL;

  if (length != base_length + 7 && !(length > base_length + 7 && g_str_has_prefix (name + base_length, ".pre-import-")))
    return FALSE;
  if (!g_str_has_prefix (name, basename) || name[length - 7] != '.')
    return FALSE;
  for (gsize i = length - 6; i < length; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  prefix = g_strndup (name, length - 7);
  return g_str_equal (prefix, basename) || g_str_has_prefix (prefix + base_length, ".pre-import-");
}

/* Removes what killed saves left beside @target: only when no other
 * Nichiro is saving there, whose temporary file it could be. */
void
nichiro_study_file_remove_temporaries (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int lock;

  lock = nichiro_study_file_lock_folder (folder, 0);
  if (lock < 0)
    return;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf buf;

      if (!nichiro_study_file_is_temporary (name, basename))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &buf) == 0 && S_ISREG (buf.st_mode) && g_unlink (path) == 0)
        g_debug ("Removed %s, left by a save that did not finish", path);
    }

  nichiro_study_file_unlock_folder (lock);
}

/* Reads the study file at @target; sets @out_root for NICHIRO_STUDY_FILE_OK and
 * NICHIRO_STUDY_FILE_NEWER, @out_reason (a clause) for the others. */
NichiroStudyFileRead
nichiro_study_file_read (const char  *target,
                         JsonNode   **out_root,
                         gint64      *out_version,
                         char       **out_reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display_name = g_path_get_basename (target);
  JsonNode *root;
  gint64 version = 0;
  gsize length;

  if (!nichiro_file_read (target, NICHIRO_STUDY_MAX_SIZE, &text, &length, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NICHIRO_STUDY_FILE_MISSING;

      *out_reason = g_strdup (error->message);

      /* A folder, a pipe or a file too large is in the study file's place
       * and can be moved aside; one that cannot be read may be fine. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        return NICHIRO_STUDY_FILE_BROKEN;
      return NICHIRO_STUDY_FILE_UNREADABLE;
    }

  if (length == 0)
    {
      *out_reason = g_strdup (_("the file is empty"));
      return NICHIRO_STUDY_FILE_BROKEN;
    }

  if (!nichiro_json_prescan (text, length, display_name, &error))
    {
      *out_reason = g_strdup (error->message);
      return NICHIRO_STUDY_FILE_BROKEN;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, length, &error))
    {
      const char *message = error->message;

      /* json-glib names the text "<data>"; the file has a better name. */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      *out_reason = g_strdup_printf ("%s:%s", display_name, message);
      return NICHIRO_STUDY_FILE_BROKEN;
    }

  root = json_parser_get_root (parser);
  if (!nichiro_study_check_document (root, display_name, &version, &error))
    {
      *out_reason = g_strdup (error->message);
      return NICHIRO_STUDY_FILE_BROKEN;
    }

  *out_root = json_node_copy (root);
  *out_version = version;
  return version > NICHIRO_STUDY_VERSION ? NICHIRO_STUDY_FILE_NEWER : NICHIRO_STUDY_FILE_OK;
}


/* Renames @target out of the way, next to it, with the time in its name;
 * never deletes anything. */
char *
nichiro_study_file_move_aside (const char  *target,
                               GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", target, stamp);
  GStatBuf buf;

  for (guint i = 2; g_lstat (aside, &buf) == 0; i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.corrupt-%s-%u", target, stamp, i);
    }

  if (g_rename (target, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&aside);
}

