import type { Application } from '../../electron/app';
import type { Library } from '../../electron/core/library';

/**
 * The library an application holds, for tests that lay out files on disk or look at them: the
 * doors never see it, tests that plant a symlink need to know where the file lies.
 */
export function libraryOf(app: Application): Library {
  return app['library'];
}
