// @vitest-environment jsdom
import './jsdom-setup';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Playground } from '../../src/playground/Playground';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the playground page', () => {
  it('shows why the sample could not be loaded instead of hanging on "loading"', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('network down')));
    render(<Playground displayLanguage="zh-CN" sampleUrl="/samples/communities.xlsx" />);
    await waitFor(() => expect(screen.getByText(/载入示例失败：network down/)).toBeTruthy());
  });

  it('says the sample is missing when the server has none', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    render(<Playground displayLanguage="en-US" sampleUrl="/samples/communities.xlsx" />);
    await waitFor(() => expect(screen.getByText(/communities\.xlsx" is missing/)).toBeTruthy());
  });
});
