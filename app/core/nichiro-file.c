/* nichiro-file.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-file"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reading the files a person hands Nichiro (a dataset, a backup) and its
 * own study file, so that nothing hangs and nothing eats the memory: a
 * named pipe would block the open or the read for ever, /dev/zero never
 * ends, a folder is not a file. Only regular files are read, and never
 * more than a given size, whatever the size the file claims.
 *
 * Errors are in the %G_IO_ERROR domain, their message a clause that says
 * what is wrong with the file ("it is a named pipe, not a regular file"),
 * for the caller to put in a sentence that names it. */

/* Whether the file is a kind it makes sense to read. */
static gboolean
check_mode (mode_t   mode,
            GError **error)
{
  if (S_ISREG (mode))
    return TRUE;

  if (S_ISDIR (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
  else if (S_ISFIFO (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is a named pipe, not a regular file"));
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is a device, not a regular file"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is not a regular file"));

  return FALSE;
}

static void
set_too_large (GError **error,
               gsize    max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("it is larger than %s, the most Nichiro reads"), limit);
}

static void
set_from_errno (GError **error,
                int      saved_errno)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  if (saved_errno == EACCES || saved_errno == EPERM)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         _("you do not have permission to read it"));
  else if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("there is no such file"));
  else if (saved_errno == ENXIO)
    /* What opening a socket says. */
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is not a regular file"));
  else
    g_set_error_literal (error, G_IO_ERROR, code, g_strerror (saved_errno));
}

/* Reads what is left of @stream, at most @max_size bytes. */
static gboolean
read_stream (GInputStream  *stream,
             gsize          max_size,
             char         **out_contents,
             gsize         *out_length,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[64 * 1024];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, NULL, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > max_size)
        {
          set_too_large (error, max_size);
          return FALSE;
        }
      g_byte_array_append (buffer, chunk, n);
    }

  *out_length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *out_contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

/**
 * nichiro_file_read:
 * @path: a file
 * @max_size: the most bytes to read
 * @out_contents: (out) (transfer full): the contents, nul-terminated
 * @out_length: (out): their length, without the nul
 * @error: return location for a %G_IO_ERROR error
 *
 * Reads a regular file of at most @max_size bytes. Anything else fails at
 * once: a folder (%G_IO_ERROR_IS_DIRECTORY), a named pipe, a device or a
 * socket (%G_IO_ERROR_NOT_REGULAR_FILE), a larger file
 * (%G_IO_ERROR_MESSAGE_TOO_LARGE, also when it grows while read), a file
 * that may not be read (%G_IO_ERROR_PERMISSION_DENIED).
 *
 * Returns: %TRUE if the file was read
 */
gboolean
nichiro_file_read (const char  *path,
                   gsize        max_size,
                   char       **out_contents,
                   gsize       *out_length,
                   GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  struct stat buf;
  int fd;
  int flags;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_contents != NULL, FALSE);
  g_return_val_if_fail (out_length != NULL, FALSE);

  /* Without O_NONBLOCK, opening a named pipe waits for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_from_errno (error, errno);
      return FALSE;
    }

  if (fstat (fd, &buf) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_from_errno (error, saved_errno);
      return FALSE;
    }

  if (!check_mode (buf.st_mode, error))
    {
      close (fd);
      return FALSE;
    }

  if (buf.st_size > 0 && (guint64) buf.st_size > max_size)
    {
      close (fd);
      set_too_large (error, max_size);
      return FALSE;
    }

  /* A regular file reads as usual. */
  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  buffer = g_byte_array_sized_new (MIN ((gsize) buf.st_size, max_size) + 1);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_from_errno (error, saved_errno);
          return FALSE;
        }
      if (n == 0)
        break;
      /* The file may have grown since it was looked at. */
      if (buffer->len + (gsize) n > max_size)
        {
          close (fd);
          set_too_large (error, max_size);
          return FALSE;
        }
      g_byte_array_append (buffer, chunk, n);
    }
  close (fd);

  *out_length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *out_contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

/**
 * nichiro_file_load:
 * @file: a file
 * @max_size: the most bytes to read
 * @out_contents: (out) (transfer full): the contents, nul-terminated
 * @out_length: (out): their length, without the nul
 * @error: return location for a %G_IO_ERROR error
 *
 * nichiro_file_read() for a #GFile: a local file is read as that does; a
 * file of another kind (a URI of a GVfs backend) is read only if GIO says
 * it is a regular file, and never beyond @max_size.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
nichiro_file_load (GFile   *file,
                   gsize    max_size,
                   char   **out_contents,
                   gsize   *out_length,
                   GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (out_contents != NULL, FALSE);
  g_return_val_if_fail (out_length != NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return nichiro_file_read (path, max_size, out_contents, out_length, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      return check_mode (S_IFDIR, error);

    default:
      return check_mode (0, error);
    }

  if (g_file_info_get_size (info) > 0 && (guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, max_size);
      return FALSE;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;

  return read_stream (G_INPUT_STREAM (stream), max_size, out_contents, out_length, error);
}

/**
 * nichiro_file_resolve:
 * @path: a path
 *
 * Follows @path while it is a symbolic link, to the file it stands for,
 * which need not exist. A link into a synced folder is written through
 * this way: replacing the link itself would leave the folder behind.
 *
 * Returns: (transfer full): the path of the file @path stands for
 */
char *
nichiro_file_resolve (const char *path)
{
  g_autofree char *current = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  current = g_strdup (path);

  /* As many links as the kernel follows. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf buf;

      if (g_lstat (current, &buf) != 0 || !S_ISLNK (buf.st_mode))
        break;

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_canonicalize_filename (target, NULL);
        }
      else
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_canonicalize_filename (target, folder);
        }
    }

  return g_steal_pointer (&current);
}
