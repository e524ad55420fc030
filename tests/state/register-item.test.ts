import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEW_ITEM_ID, RegisterItem } from '../../src/state/register-item.svelte';
import { RouterManager, router } from '../../src/state/router.svelte';

interface Item {
  id: string;
  title: string;
  notes: string;
  values: number[];
}

/** A register as the managers keep it: saving replaces the stored copy at once. */
function fakeRegister(initial: Item[] = []) {
  let items = [...initial];
  const saves: Item[] = [];
  let n = 0;
  return {
    saves,
    get items() {
      return items;
    },
    set items(next: Item[]) {
      items = next;
    },
    lifecycle(id: string) {
      return new RegisterItem({
        id,
        create: () => ({ id: `new-${++n}`, title: '', notes: '', values: [] }),
        find: (recordId) => items.find((i) => i.id === recordId),
        save: async (item) => {
          saves.push(item);
          items = [...items.filter((i) => i.id !== item.id), item];
        },
        routeOf: (recordId) => ({ name: 'action', id: recordId }),
        required: 'title',
        requiredMessage: 'Enter a title',
      });
    },
  };
}

describe('a register item, from draft to its own address', () => {
  let stop: () => void;
  beforeEach(() => {
    location.hash = '#/self-assessment/actions/new';
    stop = router.start(window);
  });
  afterEach(() => stop());

  it('keeps a new item as a draft, unsaved, until its required text is written', () => {
    const register = fakeRegister();
    const page = register.lifecycle(NEW_ITEM_ID);
    page.update({ notes: 'Written before the title' });
    expect(register.saves).toEqual([]);
    expect(page.isSaved).toBe(false);
    expect(page.requiredError).toBe('Enter a title');
    expect(page.item?.notes).toBe('Written before the title');

    page.update({ title: 'Audit the front door' });
    expect(register.saves).toHaveLength(1);
    expect(register.saves[0]).toMatchObject({
      title: 'Audit the front door',
      notes: 'Written before the title',
    });
    expect(page.isSaved).toBe(true);
    expect(page.requiredError).toBeUndefined();
  });

  it('gives a saved draft its own address, in the router as well as the address bar', () => {
    const register = fakeRegister();
    const page = register.lifecycle(NEW_ITEM_ID);
    const visit = router.visit;
    page.update({ title: 'Audit the front door' });
    const id = register.saves[0]!.id;
    expect(location.hash).toBe(`#/self-assessment/actions/${id}`);
    expect(router.route).toEqual({ name: 'action', id });
    // Not a new visit: the page being typed in stays mounted.
    expect(router.visit).toBe(visit);
  });

  it('makes a different record each time the new address is opened', () => {
    const register = fakeRegister();
    register.lifecycle(NEW_ITEM_ID).update({ title: 'First' });
    register.lifecycle(NEW_ITEM_ID).update({ title: 'Second' });
    expect(register.items.map((i) => i.title).sort()).toEqual(['First', 'Second']);
  });

  it('never saves a blank required field over the saved text, and says why', () => {
    const register = fakeRegister([{ id: 'a-1', title: 'Kept', notes: '', values: [] }]);
    const page = register.lifecycle('a-1');
    page.update({ title: '   ', notes: 'Still saved' });
    expect(register.saves.at(-1)).toMatchObject({ title: 'Kept', notes: 'Still saved' });
    expect(page.requiredError).toBe('Enter a title');
  });

  it('says the required field is blank when the user leaves it, before any change', () => {
    const page = fakeRegister().lifecycle(NEW_ITEM_ID);
    expect(page.requiredError).toBeUndefined();
    page.leaveRequired('');
    expect(page.requiredError).toBe('Enter a title');
    page.leaveRequired('Typed');
    expect(page.requiredError).toBeUndefined();
  });

  it('applies a change to the stored record as it is now, so changes made elsewhere are kept', () => {
    const register = fakeRegister([{ id: 'a-1', title: 'Kept', notes: '', values: [1] }]);
    const page = register.lifecycle('a-1');
    // Another part of the page (or another tab) adds a value after the page opened.
    register.items = [{ id: 'a-1', title: 'Kept', notes: '', values: [1, 2] }];
    page.update({ notes: 'A note' });
    expect(register.saves.at(-1)).toEqual({ id: 'a-1', title: 'Kept', notes: 'A note', values: [1, 2] });
  });

  it('shows nothing for an address whose record does not exist, and saves nothing', () => {
    const register = fakeRegister();
    const page = register.lifecycle('missing');
    expect(page.item).toBeUndefined();
    page.update({ title: 'Anything' });
    expect(register.saves).toEqual([]);
  });
});

describe('visits', () => {
  it('count every arrival at an address, including the same address typed again, but not replace', async () => {
    const own = new RouterManager();
    const settle = () => new Promise((r) => setTimeout(r, 0));
    location.hash = '#/self-assessment/actions';
    await settle(); // jsdom delivers hashchange as a task: let earlier ones pass first
    const stop = own.start(window);
    const first = own.visit;
    location.hash = '#/self-assessment/actions/new';
    await settle();
    expect(own.visit).toBe(first + 1);
    own.replace({ name: 'action', id: 'a-1' });
    expect(own.visit).toBe(first + 1);
    location.hash = '#/self-assessment/actions/new';
    await settle();
    expect(own.visit).toBe(first + 2);
    expect(own.route).toEqual({ name: 'action', id: 'new' });
    stop();
  });
});
