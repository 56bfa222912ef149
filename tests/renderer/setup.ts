import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../../renderer/src/i18n';

afterEach(() => cleanup());
