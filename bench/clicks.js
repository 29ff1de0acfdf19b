// Added to every tab of the click benchmark (bench/clicks.py) before Streamlit's own code runs.
//
// A run's end: the server's `script_finished` message. The DOM's run state
// (`data-test-script-state`) is not enough: when the messages of a quick run arrive together,
// React draws them in one go and the state never shows "running".
(() => {
  const SCRIPT_FINISHED = 6; // ForwardMsg.script_finished, a top-level enum field
  const FINISHED_EARLY_FOR_RERUN = 2; // a run cut short by the next one: not an end
  window.runsFinished = 0;

  // The value of a top-level varint field of a protobuf message, or undefined.
  const varintField = (bytes, wanted) => {
    let i = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do {
        byte = bytes[i++];
        value += (byte & 127) * 2 ** shift;
        shift += 7;
      } while (byte & 128);
      return value;
    };
    while (i < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), type = tag % 8;
      if (type === 0) {
        const value = varint();
        if (field === wanted) return value;
      } else if (type === 2) {
        const length = varint(); // read before adding: `i += varint()` adds to the old i
        i += length;
      }
      else if (type === 1) i += 8;
      else if (type === 5) i += 4;
      else return undefined;
    }
    return undefined;
  };

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // Registered before Streamlit's handler: counts a message as it arrives.
      this.addEventListener('message', (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const status = varintField(new Uint8Array(event.data), SCRIPT_FINISHED);
        if (status !== undefined && status !== FINISHED_EARLY_FOR_RERUN) {
          window.runsFinished++;
          window.finishedAt = performance.now();
        }
      });
    }
  };

  // Called just before a click: window.clicked resolves with the ms from the click (its
  // pointerdown, or the Enter of Ctrl+Enter) to the first frame after a run has finished in
  // which the page is idle, no element is stale or waiting for its code, and `shown(arg)`;
  // and with the ms from the click to the arrival of that run's `script_finished`.
  window.armClick = (shown, arg, timeout) => {
    const before = window.runsFinished;
    const busy = '[data-stale="true"], [data-testid="stSkeleton"]';
    const state = () =>
      document.querySelector('[data-testid="stApp"]').getAttribute('data-test-script-state');
    let start = null;
    const begin = (event) => {
      if (start === null && (event.type === 'pointerdown' || event.key === 'Enter')) {
        start = event.timeStamp;
      }
    };
    document.addEventListener('pointerdown', begin, {capture: true});
    document.addEventListener('keydown', begin, {capture: true});
    const done = () =>
      start !== null && window.runsFinished > before && state() === 'notRunning'
      && !document.querySelector(busy) && shown(arg);
    window.clicked = new Promise((resolve, reject) => {
      const deadline = performance.now() + timeout;
      // Read the clock in the frame's callback, not its start time: a busy page runs a frame's
      // callbacks long after the frame began.
      const frame = () => {
        const now = performance.now();
        if (done()) {
          document.removeEventListener('pointerdown', begin, {capture: true});
          document.removeEventListener('keydown', begin, {capture: true});
          resolve([now - start, window.finishedAt - start]);
        } else if (now > deadline) {
          reject(new Error('no finished run with its result after the click: ' + JSON.stringify({
            clicked: start !== null, finished: window.runsFinished - before, state: state(),
            busy: document.querySelectorAll(busy).length, shown: shown(arg)})));
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  };
})();
