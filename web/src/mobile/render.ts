// antd-mobile 5 renders its imperative pieces (Toast, Dialog.alert) with ReactDOM.render,
// which React 19 removed; this hands it createRoot instead (mobile.ant.design/guide/v5-for-19).
import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

const roots = new WeakMap<Element | DocumentFragment, Root>();

unstableSetRender((node, container) => {
  const root = roots.get(container) ?? createRoot(container);
  roots.set(container, root);
  root.render(node);
  return async () => {
    // Unmounting inside React's own render pass is not allowed: wait a tick.
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});
